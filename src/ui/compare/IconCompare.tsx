/** Two versions side by side, an arrow between them (16 px stroke, like common/icons.tsx). */
export function IconCompare() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <rect x="1.5" y="2.5" width="4.5" height="11" rx="1" />
      <rect x="10" y="2.5" width="4.5" height="11" rx="1" strokeDasharray="2 1.6" />
      <path d="M7 8h2.2m-1-1.2L9.4 8l-1.2 1.2" />
    </svg>
  );
}
