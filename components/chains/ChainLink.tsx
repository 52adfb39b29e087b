'use client';

import Link from 'next/link';
import type { ComponentProps } from 'react';
import { useChainPath } from './useChainPath';

/** A link to an app path that stays on the chain in scope (`?chain=` with several chains). */
export function ChainLink({ href, ...props }: Omit<ComponentProps<typeof Link>, 'href'> & { href: string }) {
  const onChain = useChainPath();
  return <Link href={onChain(href)} {...props} />;
}
