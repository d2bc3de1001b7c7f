package io.lagline.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaClasspathTest {
  @TempDir Path dir;

  @Test
  void a_module_jar_runs_with_the_lib_folder_next_to_it() throws Exception {
    Path jar = Files.createFile(dir.resolve("reconciler.jar"));
    Files.createDirectory(dir.resolve("lib"));

    assertThat(JavaClasspath.choose(jar, "fallback"))
        .isEqualTo(jar + File.pathSeparator + dir.resolve("lib").resolve("*"));
  }

  @Test
  void a_jar_inside_a_launcher_lib_folder_runs_with_that_whole_folder() throws Exception {
    Path lib = Files.createDirectory(dir.resolve("lib"));
    Path jar = Files.createFile(lib.resolve("lagline-reconciler.jar"));

    assertThat(JavaClasspath.choose(jar, "fallback")).isEqualTo(lib.resolve("*").toString());
  }

  @Test
  void classes_folders_fall_back_to_this_jvms_class_path() throws Exception {
    Path classes = Files.createDirectory(dir.resolve("classes"));

    assertThat(JavaClasspath.choose(classes, "fallback")).isEqualTo("fallback");
  }
}
