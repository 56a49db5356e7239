/** 16 px stroke icons for the editing buttons (inline: nothing loads from the network). */
const base = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export function IconUndo() {
  return (
    <svg {...base}>
      <path d="M5.5 3L2.5 6l3 3" />
      <path d="M2.5 6h7a4 4 0 010 8h-3" />
    </svg>
  );
}

export function IconRedo() {
  return (
    <svg {...base}>
      <path d="M10.5 3l3 3-3 3" />
      <path d="M13.5 6h-7a4 4 0 000 8h3" />
    </svg>
  );
}

export function IconFind() {
  return (
    <svg {...base}>
      <circle cx="7" cy="7" r="4.5" />
      <path d="M10.5 10.5L14 14" />
    </svg>
  );
}
