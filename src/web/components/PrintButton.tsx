// "In": prints the page with the print layout of styles/print.css (no frame, navigation or buttons;
// A4). Beside it, a line only paper shows: what is printed (a subtitle such as the year) and when.
// The document's title becomes the page title while printing, which is the PDF's default file name.
import { formatDate, todayIso } from '../i18n/format';
import { useComponentsT } from './use-components-t';

interface PrintButtonProps {
  /** The document's title, for the browser's print header and a saved PDF's name. */
  documentTitle: string;
  /** What paper needs to say that the screen shows in its filters (the year, the province). */
  subtitle?: string;
}

export function PrintButton({ documentTitle, subtitle }: PrintButtonProps) {
  const t = useComponentsT();
  const print = () => {
    const before = document.title;
    document.title = documentTitle;
    window.addEventListener('afterprint', () => (document.title = before), { once: true });
    window.print();
  };
  const printedOn = t('print.printedOn', { date: formatDate(todayIso()) });
  return (
    <div className="print-row">
      <button
        type="button"
        className="button button-secondary button-small print-button"
        title={t('print.label')}
        onClick={print}
      >
        {t('print.button')}
      </button>
      <p className="print-stamp">{subtitle ? `${subtitle} · ${printedOn}` : printedOn}</p>
    </div>
  );
}
