/**
 * Makes room for the sidebar without restyling HubSpot's page: a right
 * margin on <body> equal to the sidebar's width, the page's own inline value
 * restored exactly on release.
 */
export interface PageSpace {
  reserve(width: number): void;
  release(): void;
}

export function createPageSpace(body: HTMLElement): PageSpace {
  let saved: { value: string; priority: string } | null = null;
  return {
    reserve(width) {
      if (!saved) saved = { value: body.style.getPropertyValue('margin-right'), priority: body.style.getPropertyPriority('margin-right') };
      body.style.setProperty('margin-right', `${Math.max(0, Math.round(width))}px`, 'important');
    },
    release() {
      if (!saved) return;
      if (saved.value) body.style.setProperty('margin-right', saved.value, saved.priority);
      else body.style.removeProperty('margin-right');
      saved = null;
    },
  };
}
