/** A handful of 16 px stroke icons, inline so nothing loads from the network. */
const base = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export function LogoMark() {
  return (
    <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <rect x="1" y="1" width="20" height="20" rx="5" fill="var(--rd-accent)" />
      <circle cx="6.5" cy="11" r="2" fill="#fff" />
      <circle cx="15.5" cy="6.5" r="2" fill="#fff" />
      <circle cx="15.5" cy="15.5" r="2" fill="#fff" />
      <path d="M8.3 10.2L13.6 7.3M8.3 11.8l5.3 2.9" stroke="#fff" strokeWidth="1.4" />
    </svg>
  );
}

export function IconCode() {
  return (
    <svg {...base}>
      <path d="M5.5 4.5L2 8l3.5 3.5M10.5 4.5L14 8l-3.5 3.5" />
    </svg>
  );
}

export function IconFit() {
  return (
    <svg {...base}>
      <path d="M2.5 5.5v-3h3M10.5 2.5h3v3M13.5 10.5v3h-3M5.5 13.5h-3v-3" />
    </svg>
  );
}

export function IconLayout() {
  return (
    <svg {...base}>
      <rect x="1.5" y="6" width="3.5" height="4" rx="1" />
      <rect x="11" y="2.5" width="3.5" height="4" rx="1" />
      <rect x="11" y="9.5" width="3.5" height="4" rx="1" />
      <path d="M5 8h3m0 0V4.5h3M8 8v3.5h3" />
    </svg>
  );
}

export function IconMoon() {
  return (
    <svg {...base}>
      <path d="M13.5 9.5A5.5 5.5 0 016.5 2.5a5.5 5.5 0 107 7z" />
    </svg>
  );
}

export function IconSun() {
  return (
    <svg {...base}>
      <circle cx="8" cy="8" r="3" />
      <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
    </svg>
  );
}

export function IconChevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg {...base}>
      <path d={direction === 'left' ? 'M10 3.5L5.5 8 10 12.5' : 'M6 3.5L10.5 8 6 12.5'} />
    </svg>
  );
}

export function IconCheck() {
  return (
    <svg {...base}>
      <path d="M3 8.5l3 3 7-7" />
    </svg>
  );
}
