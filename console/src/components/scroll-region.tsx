import type { ComponentChildren } from 'preact';

/**
 * A wide table's box, scrolled sideways on a narrow screen. It takes focus, so that a keyboard can
 * scroll it even when the table holds no link or button (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
