/**
 * Who should be covered by which programme (应保尽保): 特困 support and dibao for single members,
 * from the members' labour capacity and income. Pure rules; the application workflow uses them.
 */
package fushun.socialassistance.eligibility;
