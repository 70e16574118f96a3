import { SIDEBAR_MAX_WIDTH, SIDEBAR_MIN_WIDTH, clampWidth } from '../../lib/content/view-model';

export interface ResizeHandleProps {
  width: number;
  /** `final` is true when the drag (or key press) ends: the width is then remembered. */
  onResize: (width: number, final: boolean) => void;
}

const STEP = 16;

/** Drag handle on the sidebar's left edge; also a keyboard separator (arrows, Home, End). */
export function ResizeHandle({ width, onResize }: ResizeHandleProps) {
  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget as HTMLElement;
    const startX = event.clientX;
    const startWidth = width;
    handle.setPointerCapture?.(event.pointerId);
    // The sidebar sits on the right: dragging left widens it.
    const widthAt = (e: PointerEvent) => clampWidth(startWidth + (startX - e.clientX));
    const move = (e: PointerEvent) => onResize(widthAt(e), false);
    const up = (e: PointerEvent) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
      onResize(widthAt(e), true);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const next =
      event.key === 'ArrowLeft' ? width + STEP
      : event.key === 'ArrowRight' ? width - STEP
      : event.key === 'Home' ? SIDEBAR_MIN_WIDTH
      : event.key === 'End' ? SIDEBAR_MAX_WIDTH
      : null;
    if (next === null) return;
    event.preventDefault();
    onResize(clampWidth(next), true);
  };

  return (
    <div
      class="sop-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize SOP Sidebar"
      aria-valuemin={SIDEBAR_MIN_WIDTH}
      aria-valuemax={SIDEBAR_MAX_WIDTH}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      data-resize-handle
    />
  );
}
