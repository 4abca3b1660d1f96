import { ConfigProblem } from './config-error';
import { formatKeyPath, KeyPath, YamlSource } from './yaml-source';

/** How checks report a problem: by key path; the file and line are filled in from the source. */
export type Report = (keyPath: KeyPath, message: string, hint?: string) => void;

export function reporterFor(source: YamlSource, problems: ConfigProblem[]): Report {
  return (keyPath, message, hint) => {
    const problem: ConfigProblem = {
      file: source.file,
      line: source.lineOf(keyPath),
      key: formatKeyPath(keyPath),
      message,
    };
    problems.push(hint === undefined ? problem : { ...problem, hint });
  };
}
