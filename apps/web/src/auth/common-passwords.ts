// A copy of packages/identity/src/passwords/common-passwords.ts for live feedback in the browser (the console
// may not import packages). The server keeps the authoritative list; if they drift, its 400 answer wins.
/**
 * A curated list of very common passwords and keyboard patterns.
 *
 * Provenance: assembled by hand (no network access at build time) from the passwords that head every
 * published "most common passwords" ranking of the last decade (RockYou 2009 top entries, the yearly
 * SplashData/NordPass top-200 lists, NCSC's "100k most common" head), plus keyboard walks on QWERTY,
 * AZERTY and QWERTZ layouts and product/season words that dominate credential-stuffing lists.
 * It is a floor, not a ceiling: `isCommonPassword` also normalises case, light leet-speak and trailing
 * digits/symbols, and rejects single-character runs and straight sequences algorithmically.
 * Entries are lowercase; entries shorter than 8 characters still matter because the normaliser strips
 * suffixes (`Dragon2024!` → `dragon`).
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael
654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm
asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas
hockey ranger daniel starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn
555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda
summer love ashley nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor
matrix mobilemail mom monitor monitoring montana moon moscow mother movie mozilla music mustang1
password1 password12 password123 passw0rd p@ssw0rd p@ssword pa55word pa55w0rd passwort motdepasse
contraseña contrasena senha parola wachtwoord haslo salasana lozinka jelszo heslo
admin administrator admin123 admin1234 adminadmin root toor rootroot changeme changeit default guest
welcome welcome1 welcome123 login letmein1 secret secret123 test test123 testing tester demo demo123
user user123 support service system sysadmin manager operator oracle postgres mysql sqlserver
qwerty123 qwerty1 qwerty12 qwertyu qwertyui qwert asdf asdfg asdfghj asdfghjk asdfghjkl asdf1234
zxcv zxcvb zxcvbn1 zxcvbnm1 qazwsxedc qazxsw 1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4
q1w2e3r4t5 zaq12wsx zaq1zaq1 1qazxsw2 xsw2zaq1 !qaz2wsx 2wsx3edc 3edc4rfv 1qaz 1qaz2wsx3edc
azerty azertyuiop qwertz qwertzuiop ytrewq poiuytrewq mnbvcxz lkjhgfdsa 147258369 147258 741852963
159357 258456 123654 123789 789456 789456123 456789 963852741 951753 852456 0987654321 09876543
abcd1234 abcdef abcdefg abcdefgh abc12345 abcabc a1b2c3 a1b2c3d4 aa123456 aaa111 1a2b3c 123abc
11111 111222 112233445566 121314 123123123 12341234 123412341234 1234qwer 12qwaszx 1111111111 222222
333333 444444 88888888 99999999 00000000 0000 1212 6969 2222 4321 12344321 1122334455 5201314 520520
iloveyou1 iloveyou2 iloveu loveyou lovely loveme lover love123 babygirl baby123 angel angels
sweety sweetie sweetheart honey princess1 beautiful butterfly flower flowers rainbow sunflower
monkey1 dragon1 shadow1 master1 killer1 superman1 batman1 football1 baseball1 soccer1 hockey1 jordan23
michael1 charlie1 jessica1 ashley1 daniel1 andrew1 thomas1 robert1 joshua1 matthew1 anthony william
jasmine hannah samantha sophie olivia emma liam noah lucas oliver jackson aiden ethan mason logan
chocolate cookie cookies pepper1 banana orange apple applepie cherry peanut pumpkin strawberry
whatever trustme letmein2 nothing anything something everything forever friends friend family
iloveme imissyou myspace1 facebook google youtube twitter linkedin instagram yahoo hotmail gmail
microsoft windows windows10 linux ubuntu apple123 samsung nokia iphone android playstation xbox
nintendo pokemon minecraft fortnite roblox zelda mario naruto lakers cowboys steelers eagles
liverpool arsenal chelsea1 barcelona juventus realmadrid manutd manchester football12 spiderman
ironman starwars1 startrek pokemon1 harrypotter hogwarts gandalf frodo matrix1 neo trinity
hello hello123 hello1 helloworld hi hey whatsup qwerty11 qwe123 qweqwe qweasd qweasdzxc asd123
asdasd asdqwe zxc123 zxczxc 1q1q1q1q 1z2x3c asdzxc jordan1 mercedes ferrari porsche corvette
mustang2 camaro chevy harley1 yamaha honda toyota nissan bmw audi volvo
spring summer1 autumn winter january february march april may june july august september october
november december monday tuesday friday weekend holiday christmas easter halloween
summer2023 summer2024 summer2025 winter2024 spring2024 autumn2024 fall2024 welcome2024 password2024
company company1 company123 office office123 work work123 business money money1 dollar cash bitcoin
secure security secure1 letmein! p4ssword p4ssw0rd passpass pass1234 pass123 pass12 mypassword
mypass password! password1! qwerty! abc123! 1234abcd abcd123 abc1234 test1234 temp temp123 temporary
newpass newpassword changeme1 change reset resetme private public open opensesame sesame
blink182 internet superstar rockstar superuser poweruser god godisgood jesus jesus1 christ blessed
angel1 heaven hell devil 666 satan lucky lucky7 lucky13 magic wizard merlin dragons phoenix
tiger lion eagle falcon wolf bear shark cobra viper python panther jaguar dolphin horse
killer123 hunter2 hunter1 ranger1 soldier sniper warrior ninja samurai legend hero champion
qwerty1234 qwerty12345 1qaz@wsx 1qaz!qaz zaq!2wsx q1w2e3 qwer1234 qwerasdf asdfqwer 1234asdf
asdf123 zxcv1234 1q2w3e4r! a123456 a12345678 a1234567 aa12345678 123456a 123456aa 12345a
12345qwert 123456q 123456qwerty qwerty123456 1234567a 1234567q 1234567890q
vigil siem splunk elastic kibana security1 admin@123 admin@1234 root123 root1234 toor123
`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
