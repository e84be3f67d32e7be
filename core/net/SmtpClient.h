// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Net {

/** One plain-text e-mail. */
struct MailMessage
{
    QString from;
    QStringList to;
    QString subject;
    QString body; ///< UTF-8 plain text
};

/** Where and how to hand mail over: smtp://host:port (STARTTLS when the server offers it) or smtps://. */
struct SmtpSettings
{
    QUrl url;
    QString user; ///< empty: no authentication
    QByteArray password; ///< from the secret store, never from settings
    int timeoutMs = 30'000;
};

/**
 * Sends mail through an SMTP server with libcurl (a well-kept SMTP client with STARTTLS, AUTH and
 * certificate checks that are never turned off). Blocking: call it on a worker thread.
 */
class SmtpClient
{
public:
    static Common::Status send(const SmtpSettings &settings, const MailMessage &message);
    /** The RFC 5322 text of the message (headers with an encoded UTF-8 subject, then the body). */
    static QByteArray compose(const MailMessage &message);
};

} // namespace Net
