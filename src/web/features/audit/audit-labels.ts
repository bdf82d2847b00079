import type { Translate } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/vi';

// Values the server writes today; an unknown one is shown as it is, so new features need no change here.
const ACTIONS: Record<string, MessageKey> = {
  create: 'audit.action.create',
  update: 'audit.action.update',
  delete: 'audit.action.delete',
  disable: 'audit.action.disable',
  enable: 'audit.action.enable',
  set_password: 'audit.action.setPassword',
  change_password: 'audit.action.changePassword',
  login: 'audit.action.login',
  logout: 'audit.action.logout',
  import: 'audit.action.import',
  submit: 'audit.action.submit',
  sign: 'audit.action.sign',
  return: 'audit.action.return',
  issue: 'audit.action.issue',
  close: 'audit.action.close',
  revise: 'audit.action.revise',
  roll_forward: 'audit.action.rollForward',
  cascade: 'audit.action.cascade',
  send_to_province: 'audit.action.sendToProvince',
};

const ENTITIES: Record<string, MessageKey> = {
  user: 'audit.entity.user',
  session: 'audit.entity.session',
  plan: 'audit.entity.plan',
};

export const KNOWN_ACTIONS = Object.keys(ACTIONS);
export const KNOWN_ENTITIES = Object.keys(ENTITIES);

export function actionLabel(action: string, t: Translate): string {
  const key = ACTIONS[action];
  return key ? t(key) : action;
}

export function entityLabel(entity: string, t: Translate): string {
  const key = ENTITIES[entity];
  return key ? t(key) : entity;
}
