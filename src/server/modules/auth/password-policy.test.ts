import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

const owner = { username: 'nguyenvana', displayName: 'Nguyễn Văn A', email: 'vana@example.vn', words: ['Điện Biên'] };

describe('password policy', () => {
  it.each([
    ['12345678', /phổ biến hoặc đã bị lộ/],
    ['password', /phổ biến hoặc đã bị lộ/],
    ['admin123', /phổ biến hoặc đã bị lộ/],
    ['aaaaaaaa', /lặp lại/],
    ['qwertyuiop', /phổ biến|bàn phím/],
    ['abcd1234', /phổ biến|liên tiếp/],
    ['nguyenvana', /tên đăng nhập hoặc họ tên/],
    ['NguyenVanA-2026!x', /tên đăng nhập hoặc họ tên/],
    ['Nguyễn Văn A 99', /tên đăng nhập hoặc họ tên/],
    ['dienbien1', /tên tỉnh/],
    ['phoihop2026', /tên hệ thống/],
    ['short', /ít nhất 8 ký tự/],
  ])('refuses %s', (password, message) => {
    expect(passwordProblem(password, owner)).toMatch(message);
  });

  it.each(['mat-khau-thu-nghiem', 'kx7mq2pw', 'con mèo ngủ trên mái tôn', 'Sông Đà chảy về xuôi'])(
    'accepts %s',
    (password) => {
      expect(passwordProblem(password, owner)).toBeNull();
    },
  );

  it('names what it checks with the label given', () => {
    expect(passwordProblem('12345678', owner, 'Mật khẩu mới')).toMatch(/^Mật khẩu mới /);
  });
});
