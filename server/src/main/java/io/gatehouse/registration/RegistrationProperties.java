package io.gatehouse.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Registration settings ({@code gatehouse.registration.*}).
 *
 * @param refuseCommonPasswords whether registration also refuses the passwords of
 * {@code common-passwords.txt} ({@code password: common}). Off by default:
 * docs/contract.md §2 names the password rules (12 to 128 characters, not the username),
 * and a client written against it may choose any other password; turning it on changes
 * the contract.
 */
@Validated
@ConfigurationProperties("gatehouse.registration")
public record RegistrationProperties(@DefaultValue("false") boolean refuseCommonPasswords) {

}
