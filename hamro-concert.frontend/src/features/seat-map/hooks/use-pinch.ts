import { useRef, type PointerEvent } from 'react';

interface PinchHandlers {
  /** Two fingers moved apart: zoom in, at this point of the screen. */
  onSpread?: (x: number, y: number) => void;
  /** Two fingers moved together: zoom out. */
  onSqueeze?: () => void;
}

/** How far the fingers must move apart (or together) before it counts. */
const SPREAD = 1.35;
const SQUEEZE = 0.75;

/**
 * A two-finger pinch on an element, from pointer events, as one zoom step each way. The element
 * needs `touch-action: pan-x pan-y` so the browser scrolls with one finger but leaves pinching to us.
 */
export function usePinch({ onSpread, onSqueeze }: PinchHandlers) {
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const start = useRef<number | null>(null);

  const distance = () => {
    const [a, b] = [...pointers.current.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };
  const end = (event: PointerEvent) => {
    pointers.current.delete(event.pointerId);
    if (pointers.current.size < 2) start.current = null;
  };

  return {
    onPointerDown: (event: PointerEvent) => {
      if (event.pointerType !== 'touch') return;
      pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.current.size === 2) start.current = distance();
    },
    onPointerMove: (event: PointerEvent) => {
      if (!pointers.current.has(event.pointerId)) return;
      pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
      const from = start.current;
      if (!from) return;
      const ratio = distance() / from;
      if (ratio < SPREAD && ratio > SQUEEZE) return;
      const [a, b] = [...pointers.current.values()];
      start.current = null;
      pointers.current.clear();
      if (ratio >= SPREAD) onSpread?.((a!.x + b!.x) / 2, (a!.y + b!.y) / 2);
      else onSqueeze?.();
    },
    onPointerUp: end,
    onPointerCancel: end,
  };
}
