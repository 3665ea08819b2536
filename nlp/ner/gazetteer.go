package ner

import "strings"

// Gazetteer classes stored in the lexicon.
const (
	gazCountry     = 1
	gazNationality = 2
	gazCity        = 3
	gazFirstName   = 4
	gazOrgWord     = 5
	gazTitle       = 6
)

// A small hand-written gazetteer of single words: countries, nationality
// adjectives, large cities, common first names, words that end organisation
// names and titles before personal names. It is a clue, not a list of
// answers; the model weighs it against everything else.
var gazetteerText = map[uint8]string{
	gazCountry: `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahrain bangladesh belarus belgium bolivia bosnia botswana brazil bulgaria burundi cambodia cameroon canada
chad chile china colombia congo croatia cuba cyprus czech denmark ecuador egypt eritrea estonia ethiopia
finland france gabon georgia germany ghana greece guatemala guinea haiti honduras hungary iceland india
indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait
kyrgyzstan laos latvia lebanon liberia libya lithuania luxembourg macedonia madagascar malawi malaysia
mali malta mauritania mexico moldova monaco mongolia montenegro morocco mozambique myanmar namibia nepal
netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines poland
portugal qatar romania russia rwanda senegal serbia sierra singapore slovakia slovenia somalia spain
sudan sweden switzerland syria taiwan tajikistan tanzania thailand togo tunisia turkey turkmenistan uganda
ukraine uruguay uzbekistan venezuela vietnam yemen yugoslavia zaire zambia zimbabwe britain england scotland
wales europe asia africa america antarctica chechnya kashmir tibet gaza kurdistan salvador`,
	gazNationality: `afghan albanian algerian american angolan argentine argentinian armenian australian austrian
belgian bolivian bosnian brazilian british bulgarian burmese cambodian canadian chilean chinese colombian
croatian cuban cypriot czech danish dutch ecuadorean egyptian english estonian ethiopian european finnish
french georgian german ghanaian greek guatemalan haitian hungarian indian indonesian iranian iraqi irish
israeli italian jamaican japanese jordanian kenyan korean kurdish kuwaiti latvian lebanese liberian libyan
lithuanian malaysian mexican moldovan mongolian moroccan nigerian norwegian pakistani palestinian panamanian
peruvian philippine polish portuguese romanian russian rwandan salvadoran saudi scottish serbian slovak
slovenian somali spanish sudanese swedish swiss syrian taiwanese thai tunisian turkish ugandan ukrainian
uruguayan venezuelan vietnamese welsh yemeni yugoslav african asian arab arabic muslim christian jewish
catholic islamic sunni shia shi'ite hindu buddhist sikh nicaraguan honduran`,
	gazCity: `london paris berlin moscow washington beijing tokyo madrid rome vienna brussels geneva zurich
amsterdam stockholm oslo copenhagen helsinki warsaw prague budapest bucharest sofia athens ankara istanbul
cairo baghdad tehran kabul islamabad karachi lahore delhi bombay mumbai calcutta dhaka colombo bangkok hanoi
manila jakarta seoul singapore sydney melbourne toronto montreal ottawa chicago boston houston dallas miami
atlanta seattle denver detroit angeles francisco york jerusalem beirut damascus amman riyadh dubai nairobi
lagos johannesburg pretoria harare kinshasa algiers tunis tripoli khartoum kampala mogadishu lima bogota
caracas quito santiago havana managua tegucigalpa brasilia rio sao aires montevideo asuncion kiev minsk
belgrade sarajevo zagreb ljubljana skopje tirana grozny tbilisi yerevan baku tashkent almaty frankfurt
munich hamburg milan naples lyon marseille barcelona lisbon dublin edinburgh glasgow manchester liverpool
bonn hong kong shanghai taipei peshawar quetta kandahar mosul basra gaza hebron ramallah`,
	gazFirstName: `john james robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward ronald timothy jason
jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel frank
gregory raymond alexander patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter
kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence
jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene
vincent russell elijah louis bobby philip johnny mary patricia jennifer linda elizabeth barbara susan
jessica sarah karen nancy lisa margaret betty sandra ashley dorothy kimberly emily donna michelle carol
amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna
brenda pamela nicole samantha katherine emma ruth christine catherine debra rachel carolyn janet virginia
maria heather diane julie joyce victoria kelly christina lauren joan evelyn olivia judith megan cheryl
martha andrea frances hannah jacqueline ann gloria jean kathryn alice teresa sara janice doris madison julia
grace judy abigail marie denise beverly amber theresa marilyn danielle diana brittany natalie sophia rose
isabella alexis kayla charlotte mohammad mohammed muhammad ahmed ahmad ali hassan hussein omar abdul abdullah
ibrahim mahmoud mustafa yusuf khalid tariq rashid salim karim jamal nasser yasser saddam osama vladimir boris
sergei igor dmitry alexei nikolai ivan mikhail yuri viktor andrei hans klaus helmut wolfgang jurgen karl
franz pierre jacques jean-pierre francois michel philippe alain bernard giovanni giuseppe marco luigi carlos
luis miguel jorge pedro manuel antonio francisco javier fernando ricardo eduardo rafael alberto roberto
sergio pablo diego hiroshi takashi kenji wei li chen zhang wang liu yang nelson boutros benazir nawaz
yitzhak shimon benjamin bill hillary newt bob al jim tom tony ken steve mike dave chris nick ian neil
martin simon graham colin nigel alastair andre marcel rene gerhard dieter rudolf otto ernst`,
	gazOrgWord: `inc corp corporation co ltd plc llc ag gmbh sa nv bv group holdings bank party union
association council committee commission ministry department agency institute university college
federation league club fc united city rovers athletic wanderers airlines airways motors industries
international organisation organization front army movement alliance congress parliament assembly
court police service services press news times post journal herald tribune exchange fund foundation`,
	gazTitle: `mr mrs ms dr prof president minister premier chancellor king queen prince princess general
colonel major captain lieutenant sergeant senator governor mayor judge bishop archbishop pope cardinal
ayatollah sheikh sir lord lady secretary chairman spokesman spokeswoman director ambassador envoy
commander chief leader coach striker midfielder defender goalkeeper`,
}

// Gazetteer returns the hand-written word classes, keyed by lower-cased
// word. A word in more than one list keeps the first class in the order
// above (country, nationality, city, first name, organisation word, title).
func Gazetteer() map[string]uint8 {
	out := map[string]uint8{}
	for c := uint8(gazTitle); c >= gazCountry; c-- {
		for _, w := range strings.Fields(gazetteerText[c]) {
			out[w] = c
		}
	}
	return out
}
