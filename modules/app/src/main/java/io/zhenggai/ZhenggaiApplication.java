package io.zhenggai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ZhenggaiApplication {
    public static void main(String[] args) {
        SpringApplication.run(ZhenggaiApplication.class, args);
    }
}
