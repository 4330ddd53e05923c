/** Focuses a text field with the cursor at `caret`, once menus have finished restoring focus. */
export function focusCaret(el: HTMLTextAreaElement, caret: number) {
  const place = () => {
    if (!el.isConnected || document.activeElement === el) return;
    el.focus();
    el.setSelectionRange(caret, caret);
  };
  setTimeout(place, 0);
  setTimeout(place, 150);
}

/** Moves focus to a section's heading (or title field), once React has rendered it. */
export function focusSection(key: string, what: 'heading' | 'title' = 'heading') {
  setTimeout(() => {
    const el = document.getElementById(what === 'heading' ? `section-${key}-heading` : `section-${key}-title`);
    el?.scrollIntoView({ block: 'start' });
    el?.focus();
    if (el instanceof HTMLInputElement) el.select();
  }, 0);
}
