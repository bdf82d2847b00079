// English words of the "Change password" page, typed against messages.vi.ts.
import type { AuthMessages } from './messages.vi';

export const authEn: AuthMessages = {
  'password.title': 'Change password',
  'password.intro':
    'The new password needs at least 8 characters, must not be on the list of common or breached passwords, and must not be built on your username, name or province. A phrase of a few words is a good choice.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.newHint': 'At least 8 characters; accented letters and spaces are allowed.',
  'password.confirm': 'New password again',
  'password.mismatch': 'The two new passwords differ',
  'password.submit': 'Change password',
  'password.submitting': 'Changing…',
  'password.changed': 'Password changed. Your other sessions (on other devices) have ended.',
  'password.back': 'Back to the home page',
};
