import type { ReactNode } from 'react';
import { Dialog, Heading } from 'react-aria-components/Dialog';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';
import './modal.css';

/**
 * "Are you sure?" for actions that cannot simply be taken back (staff pages). Focus starts on
 * Cancel; a failure is shown inside the dialog, which stays open so the choice can be made again.
 */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  danger = false,
  pending = false,
  error,
  errorText,
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
  /** A message for the error in the interface language, when the caller knows it better. */
  errorText?: string | null;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={!pending} className="modal-overlay">
      <Modal className="modal">
        <Dialog role="alertdialog" className="modal-dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{title}</Heading>
              <div className="modal-dialog-body">{children}</div>
              {errorText ? (
                <p className="error-message" role="alert">
                  {errorText}
                </p>
              ) : (
                <ErrorMessage error={error} />
              )}
              <div className="modal-dialog-actions">
                <button type="button" className="button secondary" onClick={close} autoFocus disabled={pending}>
                  {t('actions.cancel')}
                </button>
                <button
                  type="button"
                  className={danger ? 'button danger' : 'button'}
                  onClick={onConfirm}
                  disabled={pending}
                >
                  {pending ? t('actions.working') : confirmLabel}
                </button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
