package io.lagline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicPathTest {

  @ParameterizedTest
  @CsvSource({
    "projects/demo-project/topics/lagline-events, demo-project, lagline-events",
    "projects/example.com:my-project/topics/t.1~x, example.com:my-project, t.1~x",
    "' projects/demo-project/topics/abc ', demo-project, abc"
  })
  void parses_a_full_topic_name(String text, String project, String topic) {
    TopicPath path = TopicPath.parse(text);

    assertThat(path).isEqualTo(new TopicPath(project, topic));
    assertThat(path.toString()).isEqualTo("projects/" + project + "/topics/" + topic);
  }

  @ParameterizedTest
  @CsvSource({
    "lagline-events, must have the form projects/{project}/topics/{topic}",
    "projects/demo-project/subscriptions/s1, must have the form projects/{project}/topics/{topic}",
    "projects/demo-project/topics/, must have the form projects/{project}/topics/{topic}",
    "projects/p/topics/events, project id 'p' must be 6 to 30",
    "projects/Demo-Project/topics/events, project id 'Demo-Project' must be 6 to 30",
    "projects/demo-project/topics/ab, topic id 'ab' must be 3 to 255",
    "projects/demo-project/topics/google-events, topic id 'google-events' must be",
    "projects/demo-project/topics/1events, topic id '1events' must be"
  })
  void rejects_anything_else_saying_what_it_must_be(String text, String message) {
    assertThatThrownBy(() -> TopicPath.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
