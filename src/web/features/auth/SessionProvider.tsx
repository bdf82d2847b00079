// Transitional re-export: the session is shared by every feature and component (lib/session.tsx).
export * from '../../lib/session';
