/** Passwords that appear at the top of every breach list; refused at registration (compared lower-cased). */
export const commonPasswords = new Set(
  `password password1 password12 password123 password1234 passw0rd p@ssw0rd p@ssword 12345678 123456789 1234567890
  12345678910 87654321 11111111 00000000 88888888 qwertyui qwerty123 qwerty1234 qwertyuiop 1q2w3e4r 1q2w3e4r5t
  1qaz2wsx zaq12wsx iloveyou iloveyou1 sunshine sunshine1 princess princess1 football football1 baseball baseball1
  welcome welcome1 welcome123 abc12345 abcd1234 abcdefgh letmein1 letmein123 trustno1 superman batman123 starwars
  dragon123 monkey123 master123 shadow123 michael1 jennifer1 whatever 11223344 asdfghjk asdfasdf asdf1234 zxcvbnm1
  zxcvbnmm computer internet samsung123 cheese123 chocolate freedom1 mustang1 harley12 ranger12 jordan23 pokemon1
  lovely123 liverpool chelsea1 arsenal1 soccer12 hockey12 charlie1 thomas12 hunter12 hunter123 killer12 secret12
  secret123 changeme changeme1 admin123 admin1234 administrator root1234 test1234 testing1 guest123 default1
  qazwsxedc 123qweasd 123123123 121212121 112233445 987654321 999999999 555555555 666666666 777777777 123abc123
  fashion1 boutique boutique1 designer designer1`.split(/\s+/),
);
