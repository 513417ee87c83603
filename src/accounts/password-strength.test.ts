import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-strength.js";

const PERSON = ["nguyen.van.an", "Nguyễn Văn An", "an.nv@phuong.example.vn"];

describe("passwordProblem", () => {
  it.each([
    ["", "không được để trống"],
    ["        ", "không được để trống"],
    ["\t \u00a0  \n  ", "không được để trống"],
    ["abc123", "cần ít nhất 8 ký tự"],
    ["12345678", "quá dễ đoán"],
    ["123456789", "quá dễ đoán"],
    ["password", "quá dễ đoán"],
    ["Password1", "quá dễ đoán"],
    ["qwertyuiop", "quá dễ đoán"],
    ["11111111", "quá dễ đoán"],
    ["matkhau123", "quá dễ đoán"],
    ["Matkhau@2024", "quá dễ đoán"],
    ["admin123456", "quá dễ đoán"],
    ["giaoban2020", "quá dễ đoán"],
    ["nguyen.van.an", "trùng với tên đăng nhập"],
    ["NguyenVanAn", "trùng với tên đăng nhập"],
    ["Nguyễn Văn An", "trùng với tên đăng nhập"],
    ["an.nv@phuong.example.vn", "trùng với tên đăng nhập"],
    ["nguyenvanan1990", "quá dễ đoán"],
  ])("refuses %j", async (password, message) => {
    expect(await passwordProblem(password, PERSON)).toContain(message);
  });

  it.each(["mat-khau-thu-nghiem", "mat-khau-moi-123", "cây bàng trước cổng phường", "Tr0ub4dor&3x!"])(
    "accepts %j",
    async (password) => {
      expect(await passwordProblem(password, PERSON)).toBeNull();
    },
  );
});
