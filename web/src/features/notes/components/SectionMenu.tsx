import { Button } from 'react-aria-components/Button';
import { Menu, MenuItem, MenuTrigger } from 'react-aria-components/Menu';
import { Popover } from 'react-aria-components/Popover';
import { useTranslation } from 'react-i18next';
import { sectionHeading } from '../lib/sectionNumber';

export interface SectionOption {
  key: string;
  title: string;
}

/** "Place in section…" / "Cite in section…": a button opening the list of the note's sections. */
export function SectionMenu({
  label,
  sections,
  onPick,
  currentKey,
  extra,
  describedBy,
}: {
  label: string;
  sections: SectionOption[];
  onPick: (sectionKey: string) => void;
  /** The section it is already in: shown as such and not offered. */
  currentKey?: string | null;
  /** An additional last item, e.g. "Remove from the note". */
  extra?: { label: string; onPick: () => void };
  describedBy?: string;
}) {
  const { t } = useTranslation('notes');
  return (
    <MenuTrigger>
      <Button className="button secondary small" aria-describedby={describedBy}>
        {label}
      </Button>
      <Popover className="notes-popover" placement="bottom start">
        <Menu
          className="notes-menu"
          aria-label={label}
          disabledKeys={currentKey ? [currentKey] : []}
          onAction={(key) => (key === '__extra' ? extra?.onPick() : onPick(String(key)))}
        >
          {sections.map((s, i) => (
            <MenuItem
              key={s.key}
              id={s.key}
              className="notes-menu-item"
              textValue={sectionHeading(i + 1, s.title, (n, title) => `${n}. ${title}`)}
            >
              {sectionHeading(i + 1, s.title || t('section.untitled'), (n, title) => `${n}. ${title}`)}
              {s.key === currentKey && <span className="muted"> {t('contrib.here')}</span>}
            </MenuItem>
          ))}
          {extra && (
            <MenuItem id="__extra" className="notes-menu-item notes-menu-extra" textValue={extra.label}>
              {extra.label}
            </MenuItem>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
