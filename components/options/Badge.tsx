import type { Tone } from '../../lib/options/status-text';

/** A word in a pill; the colour only repeats what the word says. */
export function Badge({ tone, children, title }: { tone: Tone; children: string; title?: string }) {
  return (
    <span class={`opt-badge opt-badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
