package nl.koers.platform.crypto;

import com.mongodb.client.MongoDatabase;
import nl.koers.platform.config.KoersProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CryptoConfiguration {

    @Bean
    KeyMaterial keyMaterial(KoersProperties properties, @Value("${koers.key-dir:}") String keyDir) {
        return KeyMaterial.from(properties, keyDir);
    }

    @Bean
    @ConditionalOnMissingBean
    YouthKeyStore youthKeyStore(@Qualifier("koers") MongoDatabase database, KeyMaterial material) {
        return new MongoYouthKeyStore(database, material);
    }

    @Bean
    PersonalDataCipher personalDataCipher(YouthKeyStore keys) {
        return new PersonalDataCipher(keys);
    }

    @Bean
    IdentityHasher identityHasher(KeyMaterial material) {
        return new IdentityHasher(material);
    }
}
