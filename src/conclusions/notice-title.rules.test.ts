import { describe, expect, it } from "vitest";
import { noticeTitleFor } from "./notice-title.rules.js";

describe("noticeTitleFor", () => {
  it.each([
    [
      "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
      "Kết luận của Ban Thường vụ Quận ủy tại buổi làm việc với phường Thượng Thanh",
    ],
    [
      "Đồng chí Bí thư Thành ủy đến làm việc với Đảng ủy phường Việt Hưng",
      "Kết luận của Đồng chí Bí thư Thành ủy tại buổi làm việc với Đảng ủy phường Việt Hưng",
    ],
    ["Hội nghị sơ kết 6 tháng đầu năm 2020", "Kết luận tại hội nghị sơ kết 6 tháng đầu năm 2020"],
    [
      "Kiểm tra công tác cải cách hành chính",
      "Kết luận tại buổi làm việc: Kiểm tra công tác cải cách hành chính",
    ],
  ])("%s → %s", (title, expected) => {
    expect(noticeTitleFor(title)).toBe(expected);
  });
});
