<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AmoCrm</name>
    <message>
        <source>amoCRM answered the token request without tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in to amoCRM yet: sign in in the browser or paste a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM&apos;s answer did not mention this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1 is not in the CRM any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linked company %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Bitrix</name>
    <message>
        <source>Paid (Y/N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled (Y/N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal entity (Y/N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager&apos;s comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site (LID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order property “%1” (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>amoCRM refused the deal: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crm</name>
    <message>
        <source>Field “%1” (%2) was renamed to “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” (%2) was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field %1 changed its type from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value “%1” (%2) of field %3 was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage “%1” (%2) of pipeline %3 was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 of pipeline %2 was renamed from “%3” to “%4”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline “%1” (%2) was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User “%1” (%2) was deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User “%1” (%2) was removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crm::AmoCrm::AmoAuth</name>
    <message>
        <source>The authorization code has expired (codes live 20 minutes). Get a new code in the integration&apos;s “Keys and scopes” tab and paste it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This authorization code was already used. Each code works once: get a new one in the integration&apos;s “Keys and scopes” tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM does not recognise this authorization code (wrong account or a typo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM refused the refresh token (%1): sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM refused the integration&apos;s client id or secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the authorization code or the whole redirect address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access was declined in amoCRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted address has no “code” parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect names an account at “%1”, which is neither amoCRM nor the configured account; refusing to send the integration&apos;s secret there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crm::AmoCrm::AmoBrowserSignIn</name>
    <message>
        <source>No answer from the browser in time; start the sign-in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sign-in is already running; finish or cancel it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser sign-in needs a loopback redirect URI such as http://127.0.0.1:8787/callback registered in the integration; otherwise paste the authorization code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1 for the browser&apos;s answer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The long-lived token is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address only takes amoCRM&apos;s sign-in answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign-in is waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the sign-in again in CRM Bridge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access was declined in amoCRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser&apos;s answer does not belong to this sign-in (state mismatch); it was ignored. Start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM&apos;s answer carried no authorization code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM Bridge is signed in to amoCRM — you can close this tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crm::AmoCrm::AmoCodec</name>
    <message>
        <source>%1 field “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (from %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deal price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipeline (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>responsible user (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deal field “CRM Bridge ID”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linked contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact has %1 custom field values; amoCRM takes at most %2 per entity. Map fewer contact fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crm::AmoCrm::AmoCrmConnector</name>
    <message>
        <source>stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipeline %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM made no products list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers are switched off in amoCRM: turn them on (Settings → Customers, dynamic segmentation), then resend (amoCRM: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The buyer has no contact to find its customer by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM answered the new customer without its id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The products list has more than %1 elements, more than CRM Bridge reads to see which were deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crm::AmoCrm::AmoOAuthSession</name>
    <message>
        <source>amoCRM needs a new sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM refused the long-lived token (%1): paste a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refresh was abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM issued new tokens but they could not be stored (%1); the old ones stay valid and the refresh will be tried again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep-alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The long-lived amoCRM token expires on %1: paste a new one before then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM access ends on %1 and could not be renewed (%2): sign in again before then</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crm::CrmConnector</name>
    <message>
        <source>%1 cannot post stage changes to a URL: use polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no customers to take purchases: send the shop&apos;s sales as deals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crm::FollowUp</name>
    <message>
        <source>fields beyond the first 40</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>products</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crm::RetailCrm::RetailCrmConnector</name>
    <message>
        <source>RetailCRM cannot be subscribed to status changes through its API (its triggers are set up by hand in the CRM and are not retried): use polling of the order history instead (crmbridgectl backsync enable NAME --poll [--interval S])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This RetailCRM connection has no API key: add it again with its key (crmbridgectl connection add retailcrm … reads it from stdin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key cannot see site “%1” (it sees: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RetailCRM has custom fields for orders and customers only; map this value to an order or customer field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order&apos;s status is set, but its payment could not be marked paid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ctl</name>
    <message>
        <source>Every operator action on the store, newest first: mappings saved and rolled back, jobs resent and cancelled,
connections and sources added, changed, switched and removed, sign-ins, settings and hooks,
with the time, the OS user and host, and the tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these actions (a prefix: mapping, jobs, connection…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only actions on this connection, source or setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the last DAYS days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine-readable output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: --limit and --since take positive numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping of &quot;%1&quot; was never saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1  %2  %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping of &quot;%1&quot; is version %2 again; running engines use it from their next round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>From version %1 to %2 of &quot;%3&quot;: %n change(s)</source>
        <translation>
            <numerusform>From version %1 to %2 of &quot;%3&quot;: %n change</numerusform>
            <numerusform>From version %1 to %2 of &quot;%3&quot;: %n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipelines and stages (pipeline id / stage id: name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields (id, entity, type: name [code]):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users (id: name, e-mail):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl crm schema NAME [--cached] [--json]

Reads the connection&apos;s CRM account now (or, with --cached, what the engine read last) and prints the ids a status map, routing or mapping file names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the schema read last, without calling the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: nothing read from &quot;%1&quot; yet; run without --cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: unknown state &quot;%1&quot; (pending, running, sending, done, failed, cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: --limit takes a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cause or result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the newest %1; --limit shows more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed, cause %2 (%3), last %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No failed jobs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend one cause with `crmbridgectl resend --failed --group CAUSE`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: jobs show takes a job number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  order: %1  customer: %2  phone: %3  e-mail: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  connection: %1  source: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  attempts: %1 of %2, next %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  in the CRM: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  last error (%1, cause %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  try %1 at %2: %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  call %1 at %2: %3 %4 → %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl jobs list [--failed] [--state S] [--connection NAME] [--search TEXT] [--group CAUSE] [--limit N] [--json]
       crmbridgectl jobs groups [--json]
       crmbridgectl jobs show ID [--json]

--search finds an order by the number the shop shows, a phone in any form, an e-mail or a customer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only jobs in this state (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only failed jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this connection&apos;s jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number, phone, e-mail or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only failures of this cause (see `jobs groups`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl log search TEXT [--connection NAME] [--errors] [--limit N] [--json]
       crmbridgectl log show ID

TEXT is an order number as the shop shows it, a phone in any form or an e-mail (found through the key index), else any text of an address or an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this connection&apos;s calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only calls that failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1 at %2 (%3 ms), connection %4, job %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request:
%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl notify password   (the SMTP password on stdin, kept in the secret store)
       crmbridgectl notify test       (a test message through notify.smtp and notify.command)

The engine sends a digest when jobs fail, a lane pauses or a sign-in runs out; set it up with
`crmbridgectl settings set` notify.to, notify.smtp, notify.smtp_user, notify.from,
notify.command, notify.language (ru|en) and notify.digest_interval_s (README, &quot;Notifications&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: the password is read from stdin and was empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP password is kept in the secret store (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: set notify.to and notify.smtp first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a test of CRM Bridge&apos;s failure digests.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test message went to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put failed jobs back in the queue (--job IDS | --failed [--group FP] [--ids A-B] [--from DATE] [--to DATE])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend failed jobs now with the current mapping: some jobs by number, every failed job,
or the failures of one cause (the fingerprint `jobs groups` and the Queue page show),
of a range of job numbers, or queued in a time range. A job whose deal exists only
finishes what is missing on that deal; a delivered job is never sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs by number: 12, 12,15 or 20-35 (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every failed job (narrowed by the options below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --failed: only this cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --failed: only job numbers A to B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --failed: only jobs queued from this day or time (2026-12-01 or &quot;2026-12-01 14:00&quot;, local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --failed: only jobs queued before the end of this day (or before this time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl resend --job IDS | --failed [--group FINGERPRINT] [--ids A-B] [--from DATE] [--to DATE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: --job takes job numbers: 12, 12,15 or 20-35</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: --ids takes a range of job numbers: 20-35</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: --from and --to take a date (2026-12-01) or a date and time (&quot;2026-12-01 14:00&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 is %2: not resent%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (deal %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1: deal %2 exists; the resend adds what is missing (%3), no new deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) requeued</source>
        <translation>
            <numerusform>%n job requeued</numerusform>
            <numerusform>%n jobs requeued</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 (dry run, nothing sent): %3 products; %4 to create, %5 to update, %6 to delete, %7 unchanged, %9 to unlink (removed products: %8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (no longer sold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  … and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a %2 connection: its catalogue is the ICML file (crmbridgectl icml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no shop sends to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2: catalogue run queued; the engine sends it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2: a catalogue run is already waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 products linked; %3; removed products: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1: last run %2: %3 products, %4 created, %5 updated, %6 retired, %7 failed%8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: webhook to %2/hooks/%3/… (account %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: polling every %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How each connection&apos;s CRM stage changes come back to the shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the CRM&apos;s stage changes back to the shop: by webhook (--url: the public
address that forwards to this machine&apos;s intake server) or by polling the
CRM&apos;s events (--poll). `crmbridgectl run` applies them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop bringing the CRM&apos;s stage changes back (removes the webhook from the CRM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public URL forwarding to the intake server, e.g. https://bridge.example.ru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll the CRM&apos;s events instead of a webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling interval in seconds (default 30)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM loss reason id sent with moves to &quot;lost&quot; (143)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: backsync enable NAME --url PUBLIC_URL | --poll [--interval S]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: backsync disable NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --url PUBLIC_URL or --poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--interval is a number of seconds, at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection named &quot;%1&quot; (see `crmbridgectl connection list`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM stage changes back to the shop: enable NAME --url URL | --poll, disable NAME, status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl backsync enable NAME --url PUBLIC_URL | --poll [--interval S] [--loss-reason ID]
       crmbridgectl backsync disable NAME
       crmbridgectl backsync status [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: backsync enable|disable NAME … | status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection named &quot;%1&quot; (see `crmbridgectl connection list`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &quot;%1&quot; is not an amoCRM connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: could not start the browser &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--base-url and --site are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API key is read from stdin and was empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added RetailCRM connection &quot;%1&quot; (site %2). Check it with `crmbridgectl connection test %1`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a CRM connection. The client secret (amoCRM) or the API key (RetailCRM) is read from stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amocrm or retailcrm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name for the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account, e.g. https://example.amocrm.ru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integration id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integration&apos;s redirect URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RetailCRM: the shop&apos;s site code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RetailCRM: requests per second (default 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: connection add amocrm NAME --base-url URL --client-id ID --redirect-uri URI
       connection add retailcrm NAME --base-url URL --site CODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--base-url, --client-id and --redirect-uri are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client secret is read from stdin and was empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added amoCRM connection &quot;%1&quot; (id %2). Sign in with `crmbridgectl login %1 --browser` or --code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  long-lived token until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  access until %1, refresh until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
     warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl connection remove NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed &quot;%1&quot;; %n of its jobs that were still to be sent are cancelled. Its log and history stay.</source>
        <translation>
            <numerusform>Removed &quot;%1&quot;; the %n job of it that was still to be sent is cancelled. Its log and history stay.</numerusform>
            <numerusform>Removed &quot;%1&quot;; %n of its jobs that were still to be sent are cancelled. Its log and history stay.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change a connection&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which CRM fields the engine may create when the mapping names one the account lacks: deals, contacts, both as &quot;deals,contacts&quot;, or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on: the connection gets the shops&apos; new events and its lane runs; off: nothing new is queued for it and its queued jobs wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: connection set NAME [--auto-create-fields deals,contacts|none] [--enabled on|off]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--auto-create-fields takes deals, contacts or none, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--enabled takes on or off, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; may create missing CRM fields for: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is enabled: it gets the shops&apos; new events (a running engine starts its lane within seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is disabled: nothing new is queued for it, and its queued jobs wait until it is enabled again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: connection test NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection &quot;%1&quot; does not work: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: %1 (%2, id %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as: %1 &lt;%2&gt; (user %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign a connection in to amoCRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 20-minute authorization code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole address the browser was sent to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a long-lived token from stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in in the browser (loopback redirect URI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: login NAME --code CODE | --redirect-url URL | --long-lived-token-stdin | --browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client secret of &quot;%1&quot; cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in a browser and allow access:
  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the browser… %1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchanging the code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: &quot;%1&quot; at %2. Check it with `crmbridgectl connection test %1`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, list and test CRM connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl connection add amocrm NAME --base-url URL --client-id ID --redirect-uri URI   (client secret on stdin)
       crmbridgectl connection add retailcrm NAME --base-url URL --site CODE [--rate-limit RPS]   (API key on stdin)
       crmbridgectl connection list [--json]
       crmbridgectl connection test NAME
       crmbridgectl connection set NAME [--auto-create-fields deals,contacts|none] [--enabled on|off]
       crmbridgectl connection remove NAME   (cancels its queued jobs; keeps its history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown connection command &quot;%1&quot; (add, list, test, set, remove)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign a connection in (--code, --redirect-url, --browser …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl hook set EVENT before|after PATH [--timeout-ms N]
       crmbridgectl hook list
       crmbridgectl hook remove EVENT before|after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executable hooks before and after a send (set|list|remove)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executable hooks per event (order.created, form.submitted, …): a before-send
hook may change the draft or veto it, an after-send hook gets the deal id.
The README&apos;s &quot;Hooks&quot; section describes stdin, stdout and exit codes.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the hook may take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set, list or remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3 (timeout %4 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the %1 hook of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 hook of %2 is %3 (timeout %4 ms); running engines use it from their next round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine&apos;s settings (list | set KEY VALUE | unset KEY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, set or unset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl settings list | set KEY VALUE | unset KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <comment>a setting</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <comment>a setting</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a new secret key file (mode 0600; never overwrites)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a new random secret key to FILE, readable by its owner only. Secrets are kept
encrypted in the store under it: give it to every command as --secret-key-file FILE, or
to the service as the systemd credential %1
(LoadCredential=%1:FILE). An existing file is never replaced: the secrets stored
under a key cannot be read without it, so keep a copy of it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file to create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl keygen FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote a new secret key to %1 (mode 0600).
Use it with `crmbridgectl --secret-key-file %1 …`, or in the service&apos;s unit:
  LoadCredential=%2:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no connection yet: add one with `crmbridgectl connection add`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are several connections: say which with --connection NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the mapping of &quot;%1&quot; to %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the defaults: none was saved yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 field “%2” (%3) for rows %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: %1 was not imported; nothing changed.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 into the mapping of &quot;%2&quot;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (checked for structure only: the CRM&apos;s fields are not known yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The CRM lacks %n of its fields; the bridge creates them before the next send, or now with `crmbridgectl mapping create-fields %1`:
%2</source>
        <translation>
            <numerusform>The CRM lacks %n of its fields; the bridge creates it before the next send, or now with `crmbridgectl mapping create-fields %1`:
%2</numerusform>
            <numerusform>The CRM lacks %n of its fields; the bridge creates them before the next send, or now with `crmbridgectl mapping create-fields %1`:
%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to create: every field the mapping of &quot;%1&quot; names exists in the CRM%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (%n row(s) now point at them)</source>
        <translation>
            <numerusform> (%n row now points at them)</numerusform>
            <numerusform> (%n rows now point at them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n field(s) in the CRM for &quot;%1&quot;; mapping rows pointing at them now: %2
%3</source>
        <translation>
            <numerusform>Created %n field in the CRM for &quot;%1&quot;; mapping rows pointing at it now: %2
%3</numerusform>
            <numerusform>Created %n fields in the CRM for &quot;%1&quot;; mapping rows pointing at them now: %2
%3</numerusform>
        </translation>
    </message>
    <message>
        <source>Export or import a connection&apos;s mapping as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mapping export FILE.json | mapping import FILE.json | mapping create-fields CONNECTION
mapping history CONNECTION | mapping diff CONNECTION [FROM] TO | mapping rollback CONNECTION VERSION
Export the field, status and routing mapping for review or version control, or import one
(validated, all or nothing); or create in the CRM the fields the mapping names and the
account lacks (what the auto_create_*_fields settings let the engine do by itself).
Every saved mapping is a version: history lists them (who, when, with what), diff shows
what changed, rollback saves an earlier version again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export, import or create-fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the JSON file (create-fields: the connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection (default: the only one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl mapping export|import FILE.json [--connection NAME]
       crmbridgectl mapping create-fields CONNECTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 in %3 written to %4 (served at %5 by the intake server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n offer(s)</source>
        <translation>
            <numerusform>%n offer</numerusform>
            <numerusform>%n offers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n category(ies)</source>
        <translation>
            <numerusform>%n category</numerusform>
            <numerusform>%n categories</numerusform>
        </translation>
    </message>
    <message>
        <source>Write a shop&apos;s catalogue as RetailCRM ICML, once or every N minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ICML file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop&apos;s address, for product links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop&apos;s name in the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it again every N minutes until stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: icml export --source NAME --out FILE [--site-url URL] [--every MINUTES]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--every takes a number of minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The RetailCRM connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection &quot;%1&quot; is not a RetailCRM connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %1 sent (up to shop id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (run the upload again to resume)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 read, %3 uploaded, %4 already there, %5 refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the shop catalogue as RetailCRM ICML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl icml export --source NAME --out FILE [--site-url URL] [--shop-name TEXT] [--every MINUTES]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the engine headless (--once: until nothing is due)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the sync engine: one lane per CRM connection sends the queue. Logs go to stderr in a
journald-friendly form; SIGTERM finishes the rounds in flight and stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send what is due now, then exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: there is no CRM connection: add one with `crmbridgectl connection add`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: every lane is paused (%1); the queue waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs for %1 (connection %2%3): %4 pending, %5 done, %6 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Waiting for a CRM connection: %n job(s)</source>
        <translation>
            <numerusform>Waiting for a CRM connection: %n job</numerusform>
            <numerusform>Waiting for a CRM connection: %n jobs</numerusform>
        </translation>
    </message>
    <message>
        <source>held by engine %1 since %2 (last heartbeat %3 s ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not held: engine %1 has been silent for %2 s (another engine takes over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not held by any engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lanes of %1 (connection %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is at schema version %1, this build expects %2: run `crmbridgectl migrate`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or upgrade the store&apos;s schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or upgrade the store&apos;s schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 is up to date (schema version %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrated %1 from schema version %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show job counts by state (--json for machines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the queue: job counts by state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status lane %1 (connection %2): %3, %4 applied, %5 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lane %1 (connection %2): %3, %4 sent, %5 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Source %1 (%2): %3, %n event(s) appended</source>
        <translation>
            <numerusform>Source %1 (%2): %3, %n event appended</numerusform>
            <numerusform>Source %1 (%2): %3, %n events appended</numerusform>
        </translation>
    </message>
    <message>
        <source>Deals made with a step left: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  job %1 (%2, %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl [--database URL] COMMAND [options]

The CRM Bridge engine and store from the command line.

Global options:
  --database URL  sqlite:///path/file.db or postgresql://user@host:port/db
                  (default: the desktop app&apos;s SQLite store)
  --secret-key-file FILE  keep secrets encrypted in the store under this key
  --help, --version

Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Run `crmbridgectl COMMAND --help` for a command&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: unknown option %1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmbridgectl: unknown command &quot;%1&quot;

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who changed what and when: the operators&apos; actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a CRM account has: pipelines, stages, fields, users (schema)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue: list jobs, failures by cause, one job (list|groups|show)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation log: every API call (search|show)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure digests without a console (password | test)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload a shop&apos;s registered customers to RetailCRM in batches of 50, also those who never ordered,
before its orders; an interrupted upload resumes after the last batch RetailCRM accepted.
The orders follow with `crmbridgectl source load NAME`: each order once, through the outbox,
sent by the engine in orders/upload batches and linked to these customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers (the only kind; kept for scripts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: orders are loaded with `source load`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after N batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orders are loaded with `crmbridgectl source load %1`: each order once, in its present status, through the outbox (the engine sends them to RetailCRM in orders/upload batches of 50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: retailcrm upload --source NAME --connection NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders: `crmbridgectl source load %1` reads them into the outbox; the engine sends them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RetailCRM: upload the shop&apos;s registered customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: crmbridgectl retailcrm upload --source NAME --connection NAME [--max-batches N]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings every engine and console on the store share (README, &quot;Engine settings&quot;):
contacts.match_rule, contacts.refresh_interval_s, forms.as, forms.as.&lt;connection&gt;,
customers.upsert_contacts, retry.first_delay_s, retry.max_attempts, lane.round_size,
hook.&lt;event&gt;.&lt;before|after&gt;. Engines read them when they start
(hooks: every round). `list` also shows what applies to each connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1: contacts matched by %2, refreshed every %3 s; forms as %4; customer profiles to contacts: %5; a passing failure retried after %6 s (doubling), at most %7 tries; %8 jobs a round</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine::CatalogLaneWork</name>
    <message>
        <source>Catalogue: %1 created, %2 updated so far; more to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue: %1 products, %2 created, %3 updated, %4 retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 gone from the shop unlinked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 deleted in the CRM deleted in the shop, %2 kept by the shop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine::CatalogCrmDeletions</name>
    <message>
        <source>The CRM&apos;s products list lacks %1 of the %2 linked elements of %3; so many at once looks like a list replaced, not products deleted, and nothing was deleted in the shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop %1 is not open to delete products in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine::CatalogSync</name>
    <message>
        <source>%1 of %2 products not sent to the CRM&apos;s catalogue: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine::ChangeSender</name>
    <message>
        <source>The order&apos;s deal is not in the CRM yet; the change waits for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile has no name, phone or email to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal %1 updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1 updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1 created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine::CreateSender</name>
    <message>
        <source>Merged into deal %1 by the CRM&apos;s duplicate control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal %1: %2 added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine::LaneLeaseKeeper</name>
    <message>
        <source>Another engine took this connection over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not be reached to renew the lease: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine::LaneWorker</name>
    <message>
        <source>Found in the CRM after a restart: deal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the CRM&apos;s contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal %1 made, %2 not added: %3 (resend adds it to this deal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal %1 made, %2 pending (retry %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the store to confirm this engine holds the connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine::PurchaseSender</name>
    <message>
        <source>This CRM has no customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The buyer has no name, phone or email to make a contact of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM made no contact for the buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase %1 on customer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1 updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine::Run</name>
    <message>
        <source>The public URL must be an http(s) address that forwards to this machine, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine::StageMoveBatch</name>
    <message>
        <source>A newer status change of the order follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 has no deal in the CRM yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM&apos;s answer had no item for this move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal %1 moved to stage %2 in pipeline %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Engine::StatusLaneWorker</name>
    <message>
        <source>Our own move of deal %1 to stage %2: nothing to do in the shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal %1 was not made from a shop order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection has no status map yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older than the change already applied to order %1: ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is already in status %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 set to status %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine has no secret store to read the password of source %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This engine was given no shop platforms to read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::AmoSignInPanel</name>
    <message>
        <source>Sign in with the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or paste a code, the redirect address or a long-lived token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the connection first.</source>
        <translation type="unfinished">Save the connection first.</translation>
    </message>
    <message>
        <source>Waiting for the browser: allow access there (%1:%2 left).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to %1. The token is valid until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in on the engine&apos;s computer; this computer&apos;s keychain has no token. Valid until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integration&apos;s secret key. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect address is copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In amoCRM: Settings → Integrations → Create integration (external). Give it the redirect address below and the rights it asks for; its Keys tab then shows the integration ID (enter it above and save) and the secret key (enter it here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect address: write one above, e.g. http://127.0.0.1:17817/amocrm, and save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect address to paste into amoCRM: %1 (click to copy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No browser opened: copy the address below into a browser on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to the account «%1» (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in, but the account could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::AuditTableModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::AuditText</name>
    <message>
        <source>Mapping saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs resent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection switched on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hook set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hook removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>switched on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n queued job(s) cancelled</source>
        <translation>
            <numerusform>%n queued job cancelled</numerusform>
            <numerusform>%n queued jobs cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” → “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resends and cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time limit, ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::BackSyncPanel</name>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Polling</source>
        <translation>Polling</translation>
    </message>
    <message>
        <source>Public address, e.g. https://bridge.example.ru</source>
        <translation>Public address, e.g. https://bridge.example.ru</translation>
    </message>
    <message>
        <source>The public address that forwards to this computer&apos;s intake server; the CRM posts its stage changes there.</source>
        <translation>The public address that forwards to this computer&apos;s intake server; the CRM posts its stage changes there.</translation>
    </message>
    <message>
        <source>every </source>
        <translation>every </translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>This CRM cannot post its stage changes: use polling.</source>
        <translation>This CRM cannot post its stage changes: use polling.</translation>
    </message>
    <message>
        <source>Save the connection first.</source>
        <translation>Save the connection first.</translation>
    </message>
    <message>
        <source>Off: stage changes made in the CRM do not come back to the shop.</source>
        <translation>Off: stage changes made in the CRM do not come back to the shop.</translation>
    </message>
    <message>
        <source>By webhook: the CRM posts its stage changes to %1 (copy the address below, under Shop and forms).</source>
        <translation>By webhook: the CRM posts its stage changes to %1 (copy the address below, under Shop and forms).</translation>
    </message>
    <message numerus="yes">
        <source>By polling: the CRM&apos;s stage changes are read every %n second(s).</source>
        <translation>
            <numerusform>By polling: the CRM&apos;s stage changes are read every %n second.</numerusform>
            <numerusform>By polling: the CRM&apos;s stage changes are read every %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the public address that forwards to this computer&apos;s intake server.</source>
        <translation>Give the public address that forwards to this computer&apos;s intake server.</translation>
    </message>
    <message>
        <source>Registering the webhook with the CRM…</source>
        <translation>Registering the webhook with the CRM…</translation>
    </message>
    <message>
        <source>Removing the webhook from the CRM…</source>
        <translation>Removing the webhook from the CRM…</translation>
    </message>
    <message>
        <source>Asking the CRM…</source>
        <translation>Asking the CRM…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Not changed: %1</translation>
    </message>
</context>
<context>
    <name>Gui::CatalogPanel</name>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues a catalogue run: the exchange sends the changed products under the account&apos;s rate limit, after any waiting orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RetailCRM downloads the shop&apos;s catalogue as an ICML file (see the shop side)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and sign in to the connection first</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every %n minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>on demand only</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed run(s) in the queue.</source>
        <translation>
            <numerusform>%n failed run in the queue.</numerusform>
            <numerusform>%n failed runs in the queue.</numerusform>
        </translation>
    </message>
    <message>
        <source>No catalogue run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shop sends to this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) queued: the exchange sends them</source>
        <translation>
            <numerusform>%n run queued: the exchange sends it</numerusform>
            <numerusform>%n runs queued: the exchange sends them</numerusform>
        </translation>
    </message>
    <message>
        <source>A run is already waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked not sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) in amoCRM&apos;s catalogue. Runs: %1. Removed in the shop: %2.</source>
        <translation>
            <numerusform>%n product in amoCRM&apos;s catalogue. Runs: %1. Removed in the shop: %2.</numerusform>
            <numerusform>%n products in amoCRM&apos;s catalogue. Runs: %1. Removed in the shop: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2: %3 products; %4 created, %5 updated, %6 retired, %7 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::CodeMapEditor</name>
    <message>
        <source>The CRM accepts an order&apos;s delivery and payment only as one of its own types: pick the type for each of the shop&apos;s methods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop statuses that mean paid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM payment status then:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send paid orders as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in the CRM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop&apos;s delivery and payment methods are not known yet: they are read from the shop database when the exchange starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::CodeMapModel</name>
    <message>
        <source>(no code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in the CRM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop method %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop method %1 is not among the shop&apos;s methods as last read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in the shop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (switched off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send %1 without a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CRM code of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM delivery type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM payment type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::ConnectionsPage</name>
    <message>
        <source>signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a new sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked by the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed in yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished">Name:</translation>
    </message>
    <message>
        <source>Account address:</source>
        <translation type="unfinished">Account address:</translation>
    </message>
    <message>
        <source>Integration ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop and forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the connection a name and the account&apos;s address (https://….amocrm.ru).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished">Saved.</translation>
    </message>
    <message>
        <source>RetailCRM, the key works</source>
        <translation>RetailCRM, the key works</translation>
    </message>
    <message>
        <source>RetailCRM, replace the key</source>
        <translation>RetailCRM, replace the key</translation>
    </message>
    <message>
        <source>RetailCRM, key not checked yet</source>
        <translation>RetailCRM, key not checked yet</translation>
    </message>
    <message>
        <source>RetailCRM…</source>
        <translation>RetailCRM…</translation>
    </message>
    <message>
        <source>CRM stage changes back to the shop</source>
        <translation>CRM stage changes back to the shop</translation>
    </message>
    <message>
        <source>RetailCRM</source>
        <translation>RetailCRM</translation>
    </message>
    <message>
        <source>switched off: gets no orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the shops&apos; orders, forms and customers to this CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off, nothing new is queued for this CRM. Jobs already in its queue wait, from the next start of the exchange, until it is switched on again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off until it is signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its waiting and failed jobs are cancelled; delivered jobs and the log stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the connection “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting or failed job(s) of it will be cancelled. Delivered jobs and the log stay.</source>
        <translation>
            <numerusform>%n waiting or failed job of it will be cancelled. Delivered jobs and the log stay.</numerusform>
            <numerusform>%n waiting or failed jobs of it will be cancelled. Delivered jobs and the log stay.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection “%1” was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products in the CRM&apos;s catalogue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::CredentialHealth</name>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>No CRM connection yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM: signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM sign-in: %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM sign-in expired: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a new sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expiry not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not signed in yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a new sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token: until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh token: until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM: API key, no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 API keys do not expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no API key yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the API key was refused, replace the key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::CrmTerms</name>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::CsvExporter</name>
    <message>
        <source>Export cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::DashboardPage</name>
    <message>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the queue to resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivered today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest failures (click to open them in the queue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in the last minute</source>
        <translation>
            <numerusform>%n call in the last minute</numerusform>
            <numerusform>%n calls in the last minute</numerusform>
        </translation>
    </message>
    <message>
        <source>CRM rate limit used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in valid for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busiest second: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No failures: every job went through or is still on its way.</source>
        <translation>No failures: every job went through or is still on its way.</translation>
    </message>
    <message>
        <source>Shops watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM lanes running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n call(s) in the last minute</source>
        <translation>
            <numerusform>%1: %n call in the last minute</numerusform>
            <numerusform>%1: %n calls in the last minute</numerusform>
        </translation>
    </message>
    <message>
        <source>Show these jobs in the Queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::EngineSettingsForm</name>
    <message>
        <source>By e-mail, then by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By phone, then by e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By e-mail only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By phone only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never: a new contact for every order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"> s</translation>
    </message>
    <message>
        <source>A deal with its contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM&apos;s Unsorted, for a manager to accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: profile changes wait in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: create or update the customer&apos;s contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match a buyer to a CRM contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which channel finds an existing contact, and wins when the e-mail and the phone point at different contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read contacts changed in the CRM every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managers&apos; edits reach the local contact index this often.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web forms become:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile changes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for new shop orders every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One indexed query a poll; a new order is queued within this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form intake address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ADDRESS:PORT the web forms post to, behind your web server. Engines read these settings when they start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an address and a port, e.g. 127.0.0.1:8088 or [::1]:8088.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the marked field first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::EngineStateText</name>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle, waiting for orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not watched</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::FailureAdvice</name>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deal exists; a later step (extra fields or the note) failed. Resending completes that step on the same deal and makes no second deal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is linked to another deal already. Check both deals in the CRM; resending makes no new deal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM no longer accepts the sign-in. Sign in again on the Connections page, then resend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM account is not paid. Pay for it in the CRM, then resend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM refused access (blocked account or address, or missing rights). Check the account in the CRM; resend once it works again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM asked to slow down. Resend later; the connection keeps to its rate limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something the job refers to is gone in the CRM (a deal, field, pipeline or status). Refresh the CRM&apos;s fields on the Mapping page, fix the mapping, then resend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM refused a value. Fix the field named in the error on the Mapping page (or the order in the shop), then resend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop&apos;s data could not be turned into a deal. Fix the mapping or the order, then resend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something on this computer was not available (database or keychain). Fix it, then resend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM or the network did not answer in time. Resend when the CRM works again; a deal that was made meanwhile is found, not made twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the error, fix its cause in the mapping or the shop, then resend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deal was made; a later step failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is linked to another deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM no longer accepts the sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM account is not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM refused access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM asked to slow down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something the job refers to is gone in the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping names something the CRM does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM refused a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop&apos;s data could not be made into a deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database or the keychain was not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM or the network did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::FailureGroupModel</name>
    <message>
        <source>%1
Last failed: %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) — %1</source>
        <translation>
            <numerusform>%n job — %1</numerusform>
            <numerusform>%n jobs — %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::FieldMapDelegate</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::FieldMapEditor</name>
    <message>
        <source>Add a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create missing fields in the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection&apos;s consent: a row whose CRM field does not exist yet makes CRM Bridge create that field before it is first used. Saved with the mapping.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::FieldMapModel</name>
    <message>
        <source>Add a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lookup table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On create only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(constant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose a field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n value(s)</source>
        <translation>
            <numerusform>%1: %n value</numerusform>
            <numerusform>%1: %n values</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::FieldRowDetails</name>
    <message>
        <source>Anything else becomes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty value leaves the CRM field as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This transform has no settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes/no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to this new field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field is created in the CRM before it is first used, when the switch below allows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New CRM field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order #{order.num} from {customer.name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a field…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fields a template can use: picking one puts its {placeholder} in the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd.MM.yyyy, yyyy-MM-dd HH:mm …, or &quot;unix&quot; for Unix seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a row to edit its transform and its other settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no CRM field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region for numbers without a code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(this field has no kinds)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::FormRoutingModel</name>
    <message>
        <source>first stage (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · every form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route requests from form %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(as every form)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the pipeline&apos;s first stage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::HistoryPage</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::JobDetailPane</name>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconciled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a job to see its attempts and payload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show its log entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::JobTableModel</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order or form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits for the engine to pick its CRM connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits: the connection “%1” is switched off; it goes when it is switched on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goes next at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goes as soon as the engine gets to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try %1 of %2 failed (%3); %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In line; %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::LoadProgressPanel</name>
    <message>
        <source>Loading the orders of %1: %2 of %3 read, %4 sent, %5 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1 a second, about %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> — stalled: nothing sent for %n min. Is an engine running?</source>
        <translation>
            <numerusform> — stalled: nothing sent for %n min. Is an engine running?</numerusform>
            <numerusform> — stalled: nothing sent for %n min. Is an engine running?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::LogDetailPane</name>
    <message>
        <source>Copy as curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a call to see its request and response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2
%3 · %4 · %5 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Carried %n job(s): %1</source>
        <translation>
            <numerusform>Carried %n job: %1</numerusform>
            <numerusform>Carried %n jobs: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Click a job to see it in the Queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::LogFilterBar</name>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected (4xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server error (5xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by order number, phone, email, address or error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::LogPage</name>
    <message>
        <source>Export to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) exported.</source>
        <translation>
            <numerusform>%n call exported.</numerusform>
            <numerusform>%n calls exported.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search older calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No match in the newest %Ln call(s), back to %1.</source>
        <translation>
            <numerusform>No match in the newest %Ln call, back to %1.</numerusform>
            <numerusform>No match in the newest %Ln calls, back to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matches in the newest %Ln call(s), back to %1.</source>
        <translation>
            <numerusform>Matches in the newest %Ln call, back to %1.</numerusform>
            <numerusform>Matches in the newest %Ln calls, back to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::MainWindow</name>
    <message>
        <source>CRM Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine: not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::MappingPage</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a CRM connection on the Connections page first; its mapping is edited here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the rows marked red to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM&apos;s fields are not loaded yet: sign in on the Connections page to pick them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished">Not saved: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished">Saved.</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery &amp;&amp; payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status rows were proposed by matching names: review them on the Statuses tab, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” will be created in the CRM before it is first used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::MappingPreview</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview with a recent order or form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No orders or forms in the queue yet. When the shop sends one, pick it here to see what the mapping makes of it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record would fail before sending:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::MappingVersionsPane</name>
    <message>
        <source>Roll back to this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a version to see what it changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 — %2, %3@%4 (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change against the version before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) against the version before it:</source>
        <translation>
            <numerusform>%n change against the version before it:</numerusform>
            <numerusform>%n changes against the version before it:</numerusform>
        </translation>
    </message>
    <message>
        <source>Roll back the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make version %1 the mapping of “%2” again? Running engines use it from their next round; the current mapping stays as a version you can return to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping is version %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::OpLogTableModel</name>
    <message>
        <source>%1
Keys: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::PaidStatusModel</name>
    <message>
        <source>Status %1 (not in the shop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark %1 as paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark %1 as not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::QueuePage</name>
    <message>
        <source>Resend selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend all matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel all matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by order number, phone, email or error text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures by cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs to act on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Resend %n job(s)?</source>
        <translation>
            <numerusform>Resend %n job?</numerusform>
            <numerusform>Resend %n jobs?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s)?</source>
        <translation>
            <numerusform>Cancel %n job?</numerusform>
            <numerusform>Cancel %n jobs?</numerusform>
        </translation>
    </message>
    <message>
        <source>Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) requeued</source>
        <translation>
            <numerusform>%n job requeued</numerusform>
            <numerusform>%n jobs requeued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) cancelled</source>
        <translation>
            <numerusform>%n job cancelled</numerusform>
            <numerusform>%n jobs cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new job(s) arrived: show them</source>
        <translation>
            <numerusform>%n new job arrived: show it</numerusform>
            <numerusform>%n new jobs arrived: show them</numerusform>
        </translation>
    </message>
    <message>
        <source>None of these jobs is waiting or failed: nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n delivered, cancelled or busy job(s) among them stay as they are.</source>
        <translation>
            <numerusform>%n delivered, cancelled or busy job among them stays as it is.</numerusform>
            <numerusform>%n delivered, cancelled or busy jobs among them stay as they are.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a cause to see what to do about it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::RetailConnectionDialog</name>
    <message>
        <source>Check connection</source>
        <translation>Check connection</translation>
    </message>
    <message>
        <source>Replace the API key of %1</source>
        <translation>Replace the API key of %1</translation>
    </message>
    <message>
        <source>New RetailCRM connection</source>
        <translation>New RetailCRM connection</translation>
    </message>
    <message>
        <source>Check the connection to list the sites</source>
        <translation>Check the connection to list the sites</translation>
    </message>
    <message>
        <source>The key is made in RetailCRM under Administration → Integration → API access keys; it needs access to the shop&apos;s site.</source>
        <translation>The key is made in RetailCRM under Administration → Integration → API access keys; it needs access to the shop&apos;s site.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Account address:</source>
        <translation>Account address:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API key:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Site:</translation>
    </message>
    <message>
        <source>Give the account&apos;s address, like https://example.retailcrm.ru.</source>
        <translation>Give the account&apos;s address, like https://example.retailcrm.ru.</translation>
    </message>
    <message>
        <source>Paste the API key.</source>
        <translation>Paste the API key.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>The check failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>The key works. It sees %n site(s): pick the shop&apos;s.</source>
        <translation>
            <numerusform>The key works. It sees %n site: pick the shop&apos;s.</numerusform>
            <numerusform>The key works. It sees %n sites: pick the shop&apos;s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Give the connection a name.</translation>
    </message>
    <message>
        <source>There is a connection named %1 already.</source>
        <translation>There is a connection named %1 already.</translation>
    </message>
    <message>
        <source>Pick the shop&apos;s site (check the connection to list them).</source>
        <translation>Pick the shop&apos;s site (check the connection to list them).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Not saved: the key could not be kept: %1</source>
        <translation>Not saved: the key could not be kept: %1</translation>
    </message>
    <message>
        <source>The key is replaced, but the address and site are not: %1</source>
        <translation>The key is replaced, but the address and site are not: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>The key works. It sees one site, chosen below.</source>
        <translation>The key works. It sees one site, chosen below.</translation>
    </message>
</context>
<context>
    <name>Gui::RetailConnectionPanel</name>
    <message>
        <source>Check connection</source>
        <translation>Check connection</translation>
    </message>
    <message>
        <source>Replace key…</source>
        <translation>Replace key…</translation>
    </message>
    <message>
        <source>Account address:</source>
        <translation>Account address:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Site:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API key:</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>The check failed: %1</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connected to %1.</translation>
    </message>
</context>
<context>
    <name>Gui::RetailKeyCheck</name>
    <message>
        <source>Not a RetailCRM connection</source>
        <translation>Not a RetailCRM connection</translation>
    </message>
</context>
<context>
    <name>Gui::RouteFields</name>
    <message>
        <source>(first stage)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::RoutingTreeModel</name>
    <message>
        <source>first stage (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category %1 (not in the shop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (its rule is switched off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · from «%2»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route category %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(as above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the pipeline&apos;s first stage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch on the rule of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch off the rule of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::RoutingView</name>
    <message>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which rule matches?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is not in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(main pipeline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category beats the pipeline the order asks for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the pipeline the order carries (amoCRMFields)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shop that fills amoCRMFields.pipeline_id, status_id and responsible_user_id in the order&apos;s properties chooses the pipeline, stage and responsible user itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders no category routes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route requests from web forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop&apos;s categories are read when the engine polls the shop; until then only the categories the rules name are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a pipeline, stage or responsible user on any category: the categories below it inherit what they do not set themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the default route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every other web form:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web forms are listed here by name once the intake accepts one or a request comes in; each can go to its own pipeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests from each web form, by the form&apos;s name: what a form does not set comes from “Every other web form” below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(from the order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::RowProblems</name>
    <message>
        <source>Every row is fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) need fixing before saving.</source>
        <translation>
            <numerusform>%n row needs fixing before saving.</numerusform>
            <numerusform>%n rows need fixing before saving.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n warning.</numerusform>
            <numerusform>%n warnings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::SecretPlace</name>
    <message>
        <source>kept in memory for this demo only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored encrypted in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in this demo&apos;s memory: replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stored in the database: replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in this computer&apos;s keychain: replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret store unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in memory for this demo only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept only encrypted in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept only in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::SettingsPage</name>
    <message>
        <source>Keep sending in the background when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language (after a restart):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the log for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine (shared by every engine and console on this store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the marked field first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Running engines use the engine settings from their next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::ShopSidePanel</name>
    <message>
        <source>Copy the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New form secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (tables %2…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop database (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shop yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished">checking…</translation>
    </message>
    <message>
        <source>Web form (webhook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POST with the header X-CRMBridge-Secret: &lt;secret&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a hash of the secret is kept: make a new one to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web form (HTML action)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of %1 is copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret of the form %1 is copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 is copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New form secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new secret for the form %1? The old one stops working at once: put the new one into the form&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form %1 has a new secret: copy it now, it is not shown after the console closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICML catalogue (for RetailCRM)</source>
        <translation>ICML catalogue (for RetailCRM)</translation>
    </message>
    <message>
        <source>RetailCRM downloads the shop&apos;s catalogue from here; written to %1</source>
        <translation>RetailCRM downloads the shop&apos;s catalogue from here; written to %1</translation>
    </message>
    <message>
        <source>CRM stage changes (polling)</source>
        <translation>CRM stage changes (polling)</translation>
    </message>
    <message numerus="yes">
        <source>every %n s</source>
        <translation>
            <numerusform>every %n s</numerusform>
            <numerusform>every %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>CRM webhook (stage changes)</source>
        <translation>CRM webhook (stage changes)</translation>
    </message>
    <message>
        <source>Registered with the CRM; it forwards here to the form intake</source>
        <translation>Registered with the CRM; it forwards here to the form intake</translation>
    </message>
    <message>
        <source>The webhook secret of %1 is copied.</source>
        <translation>The webhook secret of %1 is copied.</translation>
    </message>
    <message>
        <source>Add a shop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop database (%1), switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add one with “Add a shop…”, or start the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop “%1” is added; the exchange reads it within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop “%1” is on: its new orders are read again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop “%1” is off: its new orders are not read (from the next start of the exchange) until it is switched on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the shop “%1”? Its orders already queued or sent, and the log, stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop “%1” was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::ShopSourceDialog</name>
    <message>
        <source>Also send the orders already in the shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mysql://user@host:port/database, or sqlite:///path/shop.db; no password in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database user&apos;s password. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished">Name:</translation>
    </message>
    <message>
        <source>Database address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the shop a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put no password in the address: write it in the password field, it goes to the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shop named “%1” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the shop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected: %1; %n order(s).</source>
        <translation>
            <numerusform>Connected: %1; %n order.</numerusform>
            <numerusform>Connected: %1; %n orders.</numerusform>
        </translation>
    </message>
    <message>
        <source>The shop cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>miniShop2 (MODX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1C-Bitrix (online store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. s1; empty: every site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site (LID) whose orders this source reads, on a multi-site install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site:</source>
        <translation type="unfinished">Site:</translation>
    </message>
    <message>
        <source>MoySklad (retail and bonuses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the password field holds an API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token or password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token, or the login&apos;s password. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MoySklad&apos;s JSON API 1.2; another address only for a test account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the MoySklad API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the login&apos;s password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an API address (https://…/api/remap/1.2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::StatusMapEditor</name>
    <message>
        <source>Add a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose rows by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a row for every shop status without one whose name matches a CRM stage («Новый» → the first stage, «Выполнен» → won, «Отменён» → lost). Review the rows, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the deal stays in its stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the deal moves to this stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the shop&apos;s status stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the order gets this status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statuses nobody mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shop status without a row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CRM stage without a row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shop status without a row matches a CRM stage by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the rules for unmapped statuses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::StatusMapModel</name>
    <message>
        <source>→ to the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← from the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↔ both ways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✕ not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the direction of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM pipeline / stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose a shop status)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose a stage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the shop status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the stage of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a status row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the status row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose status rows by name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::ThroughputChart</name>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs per hour, last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::TrayNotifier</name>
    <message>
        <source>Show CRM Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit (stops sending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM needs a new sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) failed</source>
        <translation>
            <numerusform>%n job failed</numerusform>
            <numerusform>%n jobs failed</numerusform>
        </translation>
    </message>
    <message>
        <source>CRM Bridge: stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Sign in again on the Connections page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::WorkerReadings</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not watched (no engine is running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unreachable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: watching, polled %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a shop on the Connections page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: paused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a CRM on the Connections page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: stage changes cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mapping</name>
    <message>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline %1 does not exist in the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 does not exist in pipeline “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 does not exist in the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User “%1” (%2) is deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 names an unknown field {%2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” does not exist in the CRM yet: allow creating it, or choose another field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” (%2) does not exist in the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” (%2) is now called “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” (%2) changed its type from %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” has no value %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” has no kind %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown source field %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source field is chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CRM field is chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deal name template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal: name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal: budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal: responsible user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal: tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact: name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact: first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact: last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact: phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact: email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company: name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product of the order is in a routed category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order asks for pipeline %1, but the category takes priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order&apos;s own pipeline %1 takes priority over the category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order asks for pipeline %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default pipeline %1 is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible user %1 comes from the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible user %1 is the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order&apos;s responsible user %1 was overridden by the category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two rules have this id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No category is chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 row %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cart total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order status id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product names (list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product articles (list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop user phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop user email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metro station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flat / office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All fields (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer name (guessed from the fields)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer phone (guessed from the fields)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer email (guessed from the fields)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order property %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form field %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping file is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a CRM Bridge mapping (no &quot;format&quot;: &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no format version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was written by a newer CRM Bridge (format %1; this one reads up to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown time zone “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the template names an unknown field {%1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not in the lookup table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop status %1 is not mapped: the default stage %2 in pipeline %3 is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop status %1 is not mapped: the deal stays in its stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 in pipeline %2 is not mapped: the default shop status %3 is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 in pipeline %2 is not mapped: the shop status is left alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two rows have this id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shop status is chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pipeline stage is chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmapped shop statuses should go to a default stage, but none is chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmapped CRM stages should set a default shop status, but none is chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM has no pipelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pipeline is chosen: the CRM&apos;s main pipeline %1 is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline %1 has no stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deal starts in the pipeline&apos;s first stage %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 does not exist in pipeline %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping is broken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row is switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an active CRM user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” does not exist in the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is neither yes nor no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” has no value “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer fields are not part of a deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order&apos;s responsible user %1 is not an active CRM user and was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests from forms go to pipeline %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A delivery code row has no shop delivery method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A payment code row has no shop payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop method %1 is mapped twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CRM code is chosen for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM has no delivery type with code “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM has no payment type with code “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid statuses are chosen but no CRM payment status for “paid”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This CRM has no delivery and payment codes: the code maps are not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM has no payment status with code “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery “%1” has no CRM code: the CRM&apos;s default is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment “%1” has no CRM code: the CRM&apos;s default is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product “%1” (cart line %2) is in category “%3”, which routes it to pipeline %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product “%1” (cart line %2) is in category “%3” under “%4”, which routes it to pipeline %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible user %1 comes from category “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither a pipeline nor a responsible user is chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stage needs the pipeline it belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category %1 already has a rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status map puts an order in status %1 in stage %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is %2, but field “%3” takes %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field “%1” belongs to another entity (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already filled from “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery and payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status map sends shop status %1 to stage %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status map does not send shop status %1 to the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status map brings stage %1 back as shop status %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«%1» in «%2»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop status %1 already goes to %2 (another row): one status can go to one stage of a pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop status %1 is both sent and not sent (another row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 already comes back as shop status %2: a stage can come back as one status only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;language&quot; is &quot;%1&quot;; CRM Bridge writes into a CRM in &quot;ru&quot; or &quot;en&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, stage %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is responsible, from “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests from form “%1” go to pipeline %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible user %1 comes from the route of form “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A form route names no form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form “%1” has two routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s company</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Net</name>
    <message>
        <source>No answer from the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM account is not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM refused access (HTTP 403): the account or address is blocked after too many requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Net::HttpClient</name>
    <message>
        <source>could not connect within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data for %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Net::RateLimiter</name>
    <message>
        <source>The CRM blocked this account until %1; requests are paused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetailCrm</name>
    <message>
        <source>RetailCRM answered without “success” (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>CRM Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store cannot be opened.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM Bridge — demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo cannot start.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo stopped.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine cannot start.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
