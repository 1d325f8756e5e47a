#include "rules/mail_providers.hpp"

namespace dnslint {

const std::vector<HostedMailService>& hosted_mail_services() {
  using enum HostedMailService::Published;
  static const std::vector<HostedMailService> services{
      // Several hosts at one preference, balanced on purpose.
      {"Google Workspace", "aspmx.l.google.com.", equal_preferences,
       "Google Workspace Admin Help, \"Google Workspace MX record values\" (1 aspmx, 5 alt1 "
       "and alt2, 10 alt3 and alt4)"},
      {"Google Workspace", "*.aspmx.l.google.com.", equal_preferences,
       "Google Workspace Admin Help, \"Google Workspace MX record values\""},
      {"Google (older set)", "*.googlemail.com.", equal_preferences,
       "Google Workspace Admin Help, legacy values: 10 aspmx2 and aspmx3.googlemail.com"},
      {"iCloud+ custom domains", "*.mail.icloud.com.", equal_preferences,
       "Apple Support, \"Set up a custom email domain with iCloud Mail\": 10 mx01 and mx02"},
      {"Mailgun", "*.mailgun.org.", equal_preferences,
       "Mailgun documentation, \"Verifying your domain\": 10 mxa and mxb"},
      {"Namecheap Private Email", "*.privateemail.com.", equal_preferences,
       "Namecheap Knowledgebase, Private Email DNS records: 10 mx1 and mx2"},
      {"Mimecast", "*.mimecast.com.", equal_preferences,
       "Mimecast Knowledge Base, MX records by region: 10 REGION-smtp-inbound-1 and -2"},
      {"Proofpoint", "*.pphosted.com.", equal_preferences,
       "Proofpoint on Demand onboarding: 10 mx0a- and mx0b-"},
      {"Proofpoint Essentials", "*.ppe-hosted.com.", equal_preferences,
       "Proofpoint Essentials, \"MX records\": 10 mx1- and mx2-"},
      {"Cloudflare Email Routing", "*.mx.cloudflare.net.", equal_preferences,
       "Cloudflare docs, Email Routing DNS records: route1, route2, route3"},
      {"Campaign Monitor", "*.inbound.createsend.com.", equal_preferences,
       "Campaign Monitor help, custom bounce domains: 5 mx20 and mx21"},
      {"Pobox", "*.pobox.com.", equal_preferences,
       "Pobox Help, \"What are Pobox's MX records?\": 10 mx-1, mx-2 and mx-3.pobox.com"},
      {"mailbox.org", "*.mailbox.org.", equal_preferences,
       "mailbox.org knowledge base, \"Using e-mail addresses of your domain\": 10 mxext1 and "
       "mxext2, 20 mxext3"},
      {"IONOS", "*.ionos.com.", equal_preferences,
       "IONOS Help, MX records for IONOS mail: 10 mx00 and mx01.ionos.com"},
      {"Forward Email", "*.forwardemail.net.", equal_preferences,
       "Forward Email FAQ, \"How do I get started\": 10 mx1 and mx2.forwardemail.net"},
      // One name, highly available behind it.
      {"Google Workspace (since 2023)", "smtp.google.com.", one_name,
       "Google Workspace Admin Help, \"Google Workspace MX record values\": 1 smtp.google.com"},
      {"Microsoft 365", "*.mail.protection.outlook.com.", one_name,
       "Microsoft Learn, \"Add DNS records to connect your domain\": 0 "
       "DOMAIN.mail.protection.outlook.com"},
      {"Microsoft 365 with DNSSEC", "*.mx.microsoft.", one_name,
       "Microsoft Learn, inbound SMTP DANE with DNSSEC: DOMAIN.x-v1.mx.microsoft"},
      {"Amazon SES and WorkMail", "inbound-smtp.*.amazonaws.com.", one_name,
       "Amazon SES Developer Guide, \"Receiving email\": 10 inbound-smtp.REGION.amazonaws.com"},
      {"Amazon SES MAIL FROM", "feedback-smtp.*.amazonses.com.", one_name,
       "Amazon SES Developer Guide, custom MAIL FROM domain: 10 "
       "feedback-smtp.REGION.amazonses.com"},
      {"SendGrid Inbound Parse", "mx.sendgrid.net.", one_name,
       "Twilio SendGrid docs, Inbound Parse: 10 mx.sendgrid.net"},
      {"Mailgun", "*.mailgun.org.", one_name,
       "Mailgun documentation: mxa and mxb are each highly available"},
      {"Postmark inbound", "inbound.postmarkapp.com.", one_name,
       "Postmark developer docs, inbound domain forwarding: 10 inbound.postmarkapp.com"},
      {"Proton Mail", "mail.protonmail.ch.", one_name,
       "Proton support, custom domain DNS: 10 mail and 20 mailsec.protonmail.ch"},
      {"Proton Mail", "mailsec.protonmail.ch.", one_name, "as above"},
      {"Fastmail", "*.messagingengine.com.", one_name,
       "Fastmail help, custom domain DNS: 10 in1-smtp and 20 in2-smtp.messagingengine.com"},
      {"iCloud+ custom domains", "*.mail.icloud.com.", one_name,
       "Apple Support, \"Set up a custom email domain with iCloud Mail\""},
      {"Yandex 360", "mx.yandex.net.", one_name,
       "Yandex 360 Help, \"Set up MX records\": 10 mx.yandex.net, the only MX"},
      {"Tuta (Tutanota)", "mail.tutanota.de.", one_name,
       "Tuta help, custom domain setup: 10 mail.tutanota.de, the only MX"},
      {"Purelymail", "mailserver.purelymail.com.", one_name,
       "Purelymail docs, domain setup: 50 mailserver.purelymail.com, the only MX"},
  };
  return services;
}

std::vector<std::string> hosted_mail_patterns(HostedMailService::Published published) {
  std::vector<std::string> patterns;
  for (const HostedMailService& service : hosted_mail_services()) {
    if (service.published == published) patterns.emplace_back(service.exchanges);
  }
  return patterns;
}

}  // namespace dnslint
