/**
 * The subject line (trích yếu) a conclusion notice starts with, made from its session's title with
 * the title's own capitals kept: "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh" gives
 * "Kết luận của Ban Thường vụ Quận ủy tại buổi làm việc với phường Thượng Thanh", as notices word it.
 */
export function noticeTitleFor(sessionTitle: string): string {
  const title = sessionTitle.trim().replace(/\s+/g, " ");
  const visit = /^(.+?) (?:đến )?làm việc với (.+)$/u.exec(title);
  if (visit) return `Kết luận của ${visit[1]} tại buổi làm việc với ${visit[2]}`;
  // "Hội nghị sơ kết…", "Buổi làm việc…": the session's own name, its capitals kept.
  return `Kết luận tại ${/^(Hội nghị|Buổi|Cuộc|Phiên)(?=\s|$)/u.test(title) ? title.charAt(0).toLocaleLowerCase("vi-VN") + title.slice(1) : `buổi làm việc: ${title}`}`;
}
