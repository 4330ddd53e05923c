import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

interface Props {
  /** Open while a section's removal is being confirmed. */
  isOpen: boolean;
  /** That section's name ("2. Remittances"). */
  section: string;
  onCancel: () => void;
  onConfirm: () => void;
}

/** "Remove this section?": asked when the section holds text or placed contributions. */
export function RemoveSectionDialog({ isOpen, section, onCancel, onConfirm }: Props) {
  const { t } = useTranslation('notes');
  return (
    <ConfirmDialog
      isOpen={isOpen}
      onOpenChange={(open) => !open && onCancel()}
      title={t('section.removeTitle', { section })}
      confirmLabel={t('section.removeConfirm')}
      danger
      onConfirm={onConfirm}
    >
      <p>{t('section.removeBody')}</p>
    </ConfirmDialog>
  );
}
