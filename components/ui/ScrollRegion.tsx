import type { ReactNode } from 'react';

/**
 * A box that scrolls a wide table inside a narrow screen instead of the whole page. It is a named tab stop,
 * so keyboard users can scroll it with the arrow keys and screen readers announce what it holds.
 */
export function ScrollRegion({
  label,
  className = '',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-400 ${className}`}
    >
      {children}
    </div>
  );
}
