package app.movierec.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** The words synthetic titles, user tags and genome tags are made of. */
final class Vocabulary {

  /** MovieLens's genres, in the alphabetical order it lists them in. */
  static final List<String> GENRES =
      List.of(
          "Action",
          "Adventure",
          "Animation",
          "Children",
          "Comedy",
          "Crime",
          "Documentary",
          "Drama",
          "Fantasy",
          "Film-Noir",
          "Horror",
          "IMAX",
          "Musical",
          "Mystery",
          "Romance",
          "Sci-Fi",
          "Thriller",
          "War",
          "Western");

  static final String NO_GENRES = "(no genres listed)";

  private static final String[] TITLE_WORDS = {
    "Night",
    "City",
    "Love",
    "Dark",
    "Last",
    "Blood",
    "Star",
    "Man",
    "Woman",
    "Girl",
    "Boy",
    "House",
    "Dead",
    "Life",
    "Day",
    "World",
    "Time",
    "King",
    "Queen",
    "War",
    "Story",
    "Heart",
    "Moon",
    "Sun",
    "River",
    "Road",
    "Home",
    "Fire",
    "Ice",
    "Shadow",
    "Secret",
    "Dream",
    "Game",
    "Island",
    "Summer",
    "Winter",
    "Empire",
    "Return",
    "Ghost",
    "Storm",
    "Silent",
    "Wild",
    "Lost",
    "Golden",
    "Black",
    "White",
    "Red",
    "Blue",
    "Angel",
    "Devil",
    "Kiss",
    "Money",
    "Crime",
    "Justice",
    "Escape",
    "Journey",
    "Mountain",
    "Ocean",
    "Paris",
    "Tokyo",
    "Berlin",
    "Midnight",
    "Morning",
    "Forever",
    "Never",
    "Brother",
    "Sister",
    "Father",
    "Mother",
    "Family",
    "Friends",
    "Stranger",
    "Hunter",
    "Soldier",
    "Doctor",
    "Detective",
    "Killer",
    "Thief",
    "Lady",
    "Gentleman",
    "Machine",
    "Robot",
    "Planet",
    "Space",
    "Zombie",
    "Vampire",
    "Dragon",
    "Wolf",
    "Horse",
    "Bird",
    "Garden",
    "Train",
    "Ship",
    "Window",
    "Mirror",
    "Letter",
    "Song",
    "Dance",
    "Music",
    "Party",
    "Wedding",
    "Funeral",
    "Christmas",
    "Holiday",
    "School",
    "College",
    "Prison",
    "Hospital",
    "Hotel",
    "Street",
    "Bridge",
    "Tower",
    "Castle",
    "Village",
    "Desert",
    "Jungle",
    "Forest",
    "Amélie",
    "Café",
    "Señor",
    "Noël",
    "Über",
    "Zoë",
    "Façade",
    "Déjà",
    "Vu",
    "Mañana",
    "Straße",
    "Naïve",
    "Smörgåsbord",
    "Crème",
    "Brûlée",
    "Ødegaard"
  };

  private static final String[] ADJECTIVES = {
    "dark",
    "quirky",
    "atmospheric",
    "funny",
    "violent",
    "slow",
    "beautiful",
    "clever",
    "cheesy",
    "epic",
    "romantic",
    "bleak",
    "surreal",
    "stylish",
    "tense",
    "heartwarming",
    "disturbing",
    "witty",
    "gritty",
    "thought-provoking",
    "visually stunning",
    "predictable",
    "original",
    "sad",
    "scary",
    "cute",
    "brutal",
    "philosophical",
    "political",
    "nostalgic",
    "absurd",
    "intelligent",
    "boring",
    "touching",
    "suspenseful",
    "campy",
    "melancholic",
    "inspiring",
    "satirical",
    "whimsical"
  };

  private static final String[] NOUNS = {
    "ending",
    "soundtrack",
    "visuals",
    "dialogue",
    "plot",
    "cast",
    "cinematography",
    "characters",
    "humor",
    "action",
    "twist",
    "atmosphere",
    "acting",
    "story",
    "score",
    "effects",
    "setting",
    "pacing",
    "script",
    "direction",
    "world-building",
    "violence",
    "romance",
    "satire",
    "music",
    "costumes",
    "animation",
    "mystery",
    "suspense",
    "drama"
  };

  private static final String[] SUBJECTS = {
    "time travel",
    "artificial intelligence",
    "aliens",
    "heist",
    "high school",
    "revenge",
    "serial killer",
    "world war ii",
    "cold war",
    "space",
    "dystopia",
    "post-apocalyptic",
    "friendship",
    "coming of age",
    "based on a book",
    "based on a true story",
    "superhero",
    "martial arts",
    "mafia",
    "zombies",
    "vampires",
    "dragons",
    "robots",
    "courtroom",
    "sports",
    "road trip",
    "prison",
    "small town",
    "new york city",
    "los angeles",
    "paris",
    "london",
    "marriage",
    "family",
    "music industry",
    "journalism",
    "politics",
    "religion",
    "war",
    "spies",
    "pirates",
    "cowboys",
    "monsters",
    "ghosts",
    "magic",
    "chess",
    "boxing",
    "cooking",
    "dancing",
    "animals"
  };

  private Vocabulary() {}

  static String titleWord(SplittableRandom random) {
    return TITLE_WORDS[random.nextInt(TITLE_WORDS.length)];
  }

  /**
   * {@code perTopic} tag phrases for each of {@code topics} topics, then {@code generic} phrases
   * for no topic in particular. Some have commas (quoted in the CSV) and capitals, as users write
   * them.
   */
  static List<List<String>> userTags(int topics, int perTopic, int generic, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<List<String>> result = new ArrayList<>();
    for (int t = 0; t <= topics; t++) {
      int count = t < topics ? perTopic : generic;
      List<String> phrases = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String phrase =
            switch (random.nextInt(4)) {
              case 0 -> SUBJECTS[random.nextInt(SUBJECTS.length)];
              case 1 -> ADJECTIVES[random.nextInt(ADJECTIVES.length)];
              case 2 ->
                  ADJECTIVES[random.nextInt(ADJECTIVES.length)]
                      + " "
                      + NOUNS[random.nextInt(NOUNS.length)];
              default ->
                  ADJECTIVES[random.nextInt(ADJECTIVES.length)]
                      + ", "
                      + ADJECTIVES[random.nextInt(ADJECTIVES.length)];
            };
        if (random.nextInt(10) == 0) {
          phrase = phrase.substring(0, 1).toUpperCase(Locale.ROOT) + phrase.substring(1);
        }
        phrases.add(phrase);
      }
      result.add(List.copyOf(phrases));
    }
    return List.copyOf(result);
  }

  /** {@code count} distinct genome tag names ("atmospheric", "time travel", "witty dialogue"). */
  static List<String> genomeTags(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> names = new LinkedHashSet<>();
    for (String subject : SUBJECTS) {
      if (names.size() < count) {
        names.add(subject);
      }
    }
    for (String adjective : ADJECTIVES) {
      if (names.size() < count) {
        names.add(adjective);
      }
    }
    int attempts = 0;
    while (names.size() < count) {
      String name =
          attempts++ < count * 20
              ? ADJECTIVES[random.nextInt(ADJECTIVES.length)]
                  + " "
                  + (random.nextBoolean()
                      ? NOUNS[random.nextInt(NOUNS.length)]
                      : SUBJECTS[random.nextInt(SUBJECTS.length)])
              : "tag " + (names.size() + 1);
      names.add(name);
    }
    return List.copyOf(names);
  }
}
