/**
 * Outputs that would overwrite an input are refused before anything is done: an output is the input when
 * its real path (symbolic links followed) is the input's, or when both are one file under two names (a
 * hard link: same device and inode). And the words for every OutputError, in Vietnamese and English.
 */
import { realpath, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Lang } from "../ocop/messages";
import { OutputError, type OutputProblem } from "./safeWrite";

interface Identity {
  path: string;
  real: string | null;
  dev: number | null;
  ino: number | null;
}

const identify = async (path: string): Promise<Identity> => {
  const abs = resolve(path);
  let real: string | null = null;
  let dev: number | null = null;
  let ino: number | null = null;
  try {
    real = await realpath(abs);
    const s = await stat(abs);
    dev = s.dev;
    ino = s.ino;
  } catch {
    // Not there (yet): its directory's real path and its own name stand for it.
    try {
      real = join(await realpath(dirname(abs)), basename(abs));
    } catch {
      real = abs;
    }
  }
  return { path, real, dev, ino };
};

const same = (a: Identity, b: Identity): boolean =>
  (a.real !== null && a.real === b.real) || (a.ino !== null && a.dev === b.dev && a.ino === b.ino);

/** Throws OutputError("aliasesInput") when an output is (or points at) one of the inputs. */
export const refuseAliases = async (outputs: readonly string[], inputs: readonly string[]): Promise<void> => {
  const ins = await Promise.all(inputs.map(identify));
  for (const out of outputs) {
    const o = await identify(out);
    const hit = ins.find((i) => same(o, i));
    if (hit) throw new OutputError(out, "aliasesInput", hit.path);
  }
};

const VI: Record<OutputProblem, (e: OutputError) => string> = {
  missingDir: (e) =>
    `Không ghi được ${e.target}: thư mục chứa tệp không tồn tại. Tạo thư mục trước hoặc chọn nơi khác.`,
  notDirectory: (e) => `Không ghi được ${e.target}: ${e.detail} không phải là thư mục.`,
  isDirectory: (e) =>
    `Không ghi được ${e.target}: đây là một thư mục; hãy ghi tên tệp, ví dụ ${join(e.target, "ket-qua.xlsx")}.`,
  readOnly: (e) =>
    `Không ghi được ${e.target}: không có quyền ghi vào nơi này (${e.detail}). Chọn thư mục khác.`,
  noSpace: (e) =>
    `Không ghi được ${e.target}: đĩa đã đầy (${e.detail}). Giải phóng dung lượng rồi chạy lại; tệp cũ (nếu có) vẫn nguyên.`,
  tooLarge: (e) =>
    `Không ghi được ${e.target}: vượt giới hạn kích thước tệp (${e.detail}); tệp cũ (nếu có) vẫn nguyên.`,
  nameTooLong: (e) => `Không ghi được ${e.target}: tên tệp hoặc đường dẫn quá dài. Chọn tên ngắn hơn.`,
  aliasesInput: (e) =>
    `Tệp ra ${e.target} chính là tệp đầu vào ${e.detail} (cùng tệp, hoặc liên kết tới nó); không ghi để không mất dữ liệu. Chọn tên khác.`,
  failed: (e) => `Không ghi được ${e.target} (${e.detail}); tệp cũ (nếu có) vẫn nguyên.`,
};

const EN: Record<OutputProblem, (e: OutputError) => string> = {
  missingDir: (e) =>
    `Cannot write ${e.target}: its folder does not exist. Create it first or choose another place.`,
  notDirectory: (e) => `Cannot write ${e.target}: ${e.detail} is not a folder.`,
  isDirectory: (e) =>
    `Cannot write ${e.target}: it is a folder; give a file name, e.g. ${join(e.target, "result.xlsx")}.`,
  readOnly: (e) =>
    `Cannot write ${e.target}: no permission to write there (${e.detail}). Choose another folder.`,
  noSpace: (e) =>
    `Cannot write ${e.target}: the disk is full (${e.detail}). Free some space and run again; the previous file, if any, is untouched.`,
  tooLarge: (e) =>
    `Cannot write ${e.target}: the file-size limit was reached (${e.detail}); the previous file, if any, is untouched.`,
  nameTooLong: (e) => `Cannot write ${e.target}: the file name or path is too long. Choose a shorter name.`,
  aliasesInput: (e) =>
    `The output ${e.target} is the input ${e.detail} (the same file, or a link to it); not written, so no input is lost. Choose another name.`,
  failed: (e) => `Cannot write ${e.target} (${e.detail}); the previous file, if any, is untouched.`,
};

/** The message for an output that could not be written (or was refused). */
export const outputMessage = (e: OutputError, lang: Lang): string => (lang === "en" ? EN : VI)[e.problem](e);
