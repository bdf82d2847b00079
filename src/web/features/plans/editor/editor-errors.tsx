// Where each control of the editor finds its error: the editor's own checks (by exact path) or
// the server's 400 (`error.field`, with or without "content." in front, or a sub-field of it).
import { createContext, useContext, type ReactNode } from 'react';
import { ApiError } from '../../../api/client';
import { usePlanT } from '../use-plan-t';
import { editorPath, fieldMatches, type Problems } from './editor-state';

interface ErrorSource {
  problems: Problems;
  server: unknown;
}

const ErrorsContext = createContext<ErrorSource>({ problems: {}, server: null });

export function EditorErrors({ problems, server, children }: ErrorSource & { children: ReactNode }) {
  return <ErrorsContext.Provider value={{ problems, server }}>{children}</ErrorsContext.Provider>;
}

function serverField(server: unknown): string | null {
  return server instanceof ApiError && server.status === 400 && server.field ? editorPath(server.field) : null;
}

/** The message for the control at `path`, if any. */
export function useFieldError(path: string): string | undefined {
  const t = usePlanT();
  const { problems, server } = useContext(ErrorsContext);
  const own = problems[path];
  if (own) return t(own);
  const field = serverField(server);
  return field && fieldMatches(field, path) ? (server as ApiError).message : undefined;
}

/** Whether anything under `prefix` (an activity, a section) has an error, to open it. */
export function useHasErrorUnder(prefix: string): boolean {
  const { problems, server } = useContext(ErrorsContext);
  const field = serverField(server);
  return Object.keys(problems).some((p) => fieldMatches(p, prefix)) || (field !== null && fieldMatches(field, prefix));
}
