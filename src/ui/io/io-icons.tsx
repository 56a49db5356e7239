/** Icons for getting designs in and out: 16 px strokes, inline like ../common/icons.tsx. */
const base = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export function IconNew() {
  return (
    <svg {...base}>
      <path d="M9 1.75H4.25a1 1 0 00-1 1v10.5a1 1 0 001 1h7.5a1 1 0 001-1V5.5z" />
      <path d="M9 1.75V5.5h3.75M8 7.5v4M6 9.5h4" />
    </svg>
  );
}

export function IconOpen() {
  return (
    <svg {...base}>
      <path d="M1.75 12.5V3.25a1 1 0 011-1h3.5l1.5 1.5h5.5a1 1 0 011 1V6" />
      <path d="M1.75 12.5l1.9-5.2a1 1 0 01.94-.65h9.66a.6.6 0 01.56.8l-1.7 4.7a1 1 0 01-.94.6H2.75a1 1 0 01-1-1z" />
    </svg>
  );
}

export function IconImport() {
  return (
    <svg {...base}>
      <path d="M8 1.75v8M4.75 6.75L8 10l3.25-3.25M2.25 11v2.25a1 1 0 001 1h9.5a1 1 0 001-1V11" />
    </svg>
  );
}

export function IconExport() {
  return (
    <svg {...base}>
      <path d="M8 10V2M4.75 5.25L8 2l3.25 3.25M2.25 11v2.25a1 1 0 001 1h9.5a1 1 0 001-1V11" />
    </svg>
  );
}

export function IconEye() {
  return (
    <svg {...base}>
      <path d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8z" />
      <circle cx="8" cy="8" r="2" />
    </svg>
  );
}

export function IconLock() {
  return (
    <svg {...base}>
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 015 0v2" />
    </svg>
  );
}
