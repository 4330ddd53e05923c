import type { ReactNode } from 'react';
import { Dialog, Heading } from 'react-aria-components/Dialog';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';

/** "Are you sure?": focus starts on Cancel; a failure shows inside, the dialog stays open. */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  danger = false,
  pending = false,
  error,
  onConfirm,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('notes');
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={!pending} className="notes-modal-overlay">
      <Modal className="notes-modal">
        <Dialog role="alertdialog" className="notes-dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{title}</Heading>
              <div className="notes-dialog-body">{children}</div>
              <ErrorMessage error={error} />
              <div className="notes-dialog-actions">
                <button type="button" className="button secondary" onClick={close} autoFocus disabled={pending}>
                  {t('common:actions.cancel')}
                </button>
                <button
                  type="button"
                  className={danger ? 'button danger' : 'button'}
                  onClick={onConfirm}
                  disabled={pending}
                >
                  {pending ? t('working') : confirmLabel}
                </button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
