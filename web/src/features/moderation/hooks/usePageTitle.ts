import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the browser tab after the page ("(3) Moderation – Convene"), in the interface language. */
export function usePageTitle(title: string, count?: number) {
  const { t } = useTranslation();
  const app = t('appName');
  useEffect(() => {
    const previous = document.title;
    document.title = `${count ? `(${count}) ` : ''}${title} – ${app}`;
    return () => {
      document.title = previous;
    };
  }, [title, app, count]);
}
