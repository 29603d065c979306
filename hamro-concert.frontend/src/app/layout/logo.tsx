/** The Hamro Concert mark: a mountain ridge under a rising sun, with a note for the music. */
export function LogoMark({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect width="40" height="40" rx="10" fill="#8f1634" />
      <circle cx="27" cy="14" r="6" fill="#f5a524" />
      <path d="M3 32 L13 17 L19 25 L24 19 L37 32 Z" fill="#fbf8f4" />
      <path d="M13 17 L16.5 22.2 L14.5 21.2 L12 23 L10.6 20.6 Z" fill="#e7e5fb" />
      <path d="M3 32 H37 V35 Q37 37 35 37 H5 Q3 37 3 35 Z" fill="#1c1a3f" />
    </svg>
  );
}
