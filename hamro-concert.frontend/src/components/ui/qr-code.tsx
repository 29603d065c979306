import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

interface QrCodeProps {
  value: string;
  /** The text alternative: what the code says, for anyone who cannot scan it. */
  label: string;
  size?: number;
}

/** The dark modules of a QR code as one SVG path, one unit per module, inside a quiet zone. */
function qrPath(value: string): { path: string; count: number } {
  const qr = qrcode(0, 'M');
  qr.addData(value);
  qr.make();
  const count = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (qr.isDark(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
  }
  return { path, count };
}

/** A QR code drawn in the browser as SVG, black on white so any scanner reads it. */
export function QrCode({ value, label, size = 128 }: QrCodeProps) {
  const { path, count } = useMemo(() => qrPath(value), [value]);
  const box = count + 8;
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${box} ${box}`}
      shapeRendering="crispEdges"
    >
      <rect width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
