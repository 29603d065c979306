import { useState } from 'react';
import styles from './concert-image.module.css';

/** The concert's artwork, or a branded placeholder when there is none or it fails to load. */
export function ConcertImage({ src, className }: { src: string; className?: string }) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const usable = src.trim() !== '' && failedSrc !== src;
  return (
    <div className={[styles.frame, className].filter(Boolean).join(' ')}>
      {usable ? (
        <img
          className={styles.image}
          src={src}
          alt=""
          loading="lazy"
          decoding="async"
          onError={() => setFailedSrc(src)}
        />
      ) : (
        <div className={styles.fallback} aria-hidden="true" data-testid="image-fallback">
          ♫
        </div>
      )}
    </div>
  );
}
