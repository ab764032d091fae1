import { encode } from 'uqr';

/**
 * A QR code drawn here, as SVG squares (no outside service sees the link). `uqr` encodes; the
 * quiet zone of four modules is part of the drawing.
 */
export function QrCode(props: { text: string; label: string; className?: string }) {
  const { data, size } = encode(props.text, { ecc: 'M', border: 4 });
  const squares: string[] = [];
  data.forEach((row, y) => row.forEach((isDark, x) => isDark && squares.push(`M${x} ${y}h1v1h-1z`)));
  return (
    <svg
      className={props.className}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={props.label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={squares.join('')} fill="#000" />
    </svg>
  );
}
