/** Placeholder while the first answer for a record is on its way (data-state=loading). */
export function LoadingSkeleton() {
  return (
    <div class="sop-skeleton" role="status" aria-busy="true">
      <span class="sop-visually-hidden">Loading SOP checks…</span>
      <div class="sop-skeleton__bar" aria-hidden="true" />
      <div class="sop-skeleton__bar sop-skeleton__bar--short" aria-hidden="true" />
      <div class="sop-skeleton__bar" aria-hidden="true" />
      <div class="sop-skeleton__bar sop-skeleton__bar--short" aria-hidden="true" />
    </div>
  );
}
