import { maskEmail, maskIdentity, maskPhone } from '../web/src/format';

// The console lists requests by a masked identity: enough to tell them apart, never the whole value.
describe('masked identities in the console', () => {
  test.each([
    ['customer-1@example.com', 'c***@example.com'],
    ['a@b.co', 'a***@b.co'],
    ['@example.com', '***'],
    ['not-an-email', '***'],
    ['', ''],
    [null, ''],
  ])('email %p shows as %p', (email, shown) => expect(maskEmail(email)).toBe(shown));

  test.each([
    ['555-0100', '***0100'],
    ['+44 20 7946 0958', '***0958'],
    [null, ''],
  ])('phone %p shows as %p', (phone, shown) => expect(maskPhone(phone)).toBe(shown));

  test('both, or a dash when there is neither', () => {
    expect(maskIdentity({ email: 'jo@example.com', phoneNumber: '555-0100' })).toBe('j***@example.com, ***0100');
    expect(maskIdentity({})).toBe('—');
  });
});
