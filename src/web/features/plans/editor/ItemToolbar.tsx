// Move up, move down and delete for one item of a list in the editor.
import { usePlanT } from '../use-plan-t';
import { useConfirm } from '../../../components/ConfirmDialog';

interface ItemToolbarProps {
  /** What the item is called, for the buttons' names ("Nội dung 2"). */
  item: string;
  index: number;
  count: number;
  onMove(by: -1 | 1): void;
  onRemove(): void;
  /** Asked before deleting; no question when absent. */
  confirm?: string;
}

export function ItemToolbar({ item, index, count, onMove, onRemove, confirm }: ItemToolbarProps) {
  const { confirm: ask, dialog } = useConfirm();
  const t = usePlanT();
  return (
    <span className="item-toolbar">
      {dialog}
      <button
        type="button"
        className="button button-tool"
        disabled={index === 0}
        aria-label={t('editor.moveUpItem', { item })}
        title={t('editor.moveUp')}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button-tool"
        disabled={index === count - 1}
        aria-label={t('editor.moveDownItem', { item })}
        title={t('editor.moveDown')}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="button button-tool button-tool-danger"
        aria-label={t('editor.removeItem', { item })}
        title={t('editor.remove')}
        onClick={() =>
          void (async () => {
            if (!confirm || (await ask(confirm))) onRemove();
          })()
        }
      >
        ✕
      </button>
    </span>
  );
}
