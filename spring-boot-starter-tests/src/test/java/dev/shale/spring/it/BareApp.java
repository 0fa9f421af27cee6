package dev.shale.spring.it;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An application with nothing but auto-configuration: a DataSource, the actuator and Shale. */
@SpringBootConfiguration
@EnableAutoConfiguration
class BareApp {
}
