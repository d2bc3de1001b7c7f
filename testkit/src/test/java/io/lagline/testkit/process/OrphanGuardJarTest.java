package io.lagline.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

class OrphanGuardJarTest {

  @Test
  void the_agent_jar_names_its_premain_class_and_contains_it() throws Exception {
    try (JarFile jar = new JarFile(OrphanGuardJar.path().toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Premain-Class"))
          .isEqualTo(OrphanGuardAgent.class.getName());
      assertThat(jar.getEntry("io/lagline/testkit/process/OrphanGuardAgent.class")).isNotNull();
    }
  }

  @Test
  void the_flag_passes_this_jvms_pid() {
    assertThat(OrphanGuardJar.javaAgentFlag()).endsWith("=" + ProcessHandle.current().pid());
  }
}
