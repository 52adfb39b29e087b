'use client';

import type { AvatarComponent } from '@rainbow-me/rainbowkit';

/**
 * A colour disc derived from the address. RainbowKit's default avatar is an emoji, which renders as an empty box
 * on machines without an emoji font (e.g. the CI browser).
 */
export const AddressAvatar: AvatarComponent = ({ address, ensImage, size }) => {
  if (ensImage) {
    // ENS avatars are arbitrary remote URLs, which next/image would have to allow-list.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={ensImage} width={size} height={size} alt="" style={{ borderRadius: '50%' }} />;
  }
  const hue = parseInt(address.slice(2, 8), 16) % 360;
  const hue2 = parseInt(address.slice(-6), 16) % 360;
  return (
    <div
      aria-hidden
      style={{
        width: size,
        height: size,
        borderRadius: '50%',
        background: `linear-gradient(135deg, hsl(${hue} 70% 55%), hsl(${hue2} 70% 40%))`,
      }}
    />
  );
};
