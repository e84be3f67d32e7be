// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpClient.h"

#include <QDateTime>
#include <QLocale>
#include <QUuid>
#include <curl/curl.h>
#include <mutex>

namespace Net {

using Common::Error;

namespace {

struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t readChunk(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const qsizetype room = qsizetype(size * count);
    const qsizetype n = qMin(room, upload->data.size() - upload->offset);
    memcpy(buffer, upload->data.constData() + upload->offset, size_t(n));
    upload->offset += n;
    return size_t(n);
}

QByteArray encodedWord(const QString &text)
{
    // RFC 2047: a header with anything but ASCII goes as =?UTF-8?B?…?=.
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 128;
    return ascii ? text.toUtf8() : "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

/** The address inside "Name <a@b>", or the text itself. */
QByteArray addressOf(const QString &mailbox)
{
    const qsizetype open = mailbox.indexOf(QLatin1Char('<'));
    const qsizetype close = mailbox.indexOf(QLatin1Char('>'), open);
    return (open >= 0 && close > open ? mailbox.mid(open + 1, close - open - 1) : mailbox).trimmed().toUtf8();
}

} // namespace

QByteArray SmtpClient::compose(const MailMessage &message)
{
    QByteArray text;
    text += "Date: "
        + QLocale::c()
              .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
              .toLatin1()
        + " +0000\r\n";
    text += "From: " + message.from.toUtf8() + "\r\n";
    text += "To: " + message.to.join(QLatin1String(", ")).toUtf8() + "\r\n";
    text += "Subject: " + encodedWord(message.subject) + "\r\n";
    text += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()
        + "@crmbridge>\r\n";
    text += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: "
            "base64\r\n\r\n";
    const QByteArray body = message.body.toUtf8().toBase64();
    for (qsizetype i = 0; i < body.size(); i += 76)
        text += body.mid(i, 76) + "\r\n";
    return text;
}

Common::Status SmtpClient::send(const SmtpSettings &settings, const MailMessage &message)
{
    static std::once_flag s_init;
    std::call_once(s_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (!settings.url.isValid()
        || (settings.url.scheme() != QLatin1String("smtp")
            && settings.url.scheme() != QLatin1String("smtps")))
        return Error::invalidInput(
            QStringLiteral("The mail server \"%1\" is not an smtp:// or smtps:// address")
                .arg(settings.url.toString()),
            QStringLiteral("smtp-url"));
    if (message.to.isEmpty())
        return Error::invalidInput(QStringLiteral("The message has no recipient"), QStringLiteral("smtp-to"));
    CURL *curl = curl_easy_init();
    if (!curl)
        return Error::transient(QStringLiteral("Cannot start the mail client"), QStringLiteral("smtp"));
    Upload upload { compose(message) };
    const QByteArray url = settings.url.toString(QUrl::RemoveUserInfo).toUtf8();
    const QByteArray from = "<" + addressOf(message.from) + ">";
    curl_slist *recipients = nullptr;
    for (const QString &to : message.to)
        recipients = curl_slist_append(recipients, ("<" + addressOf(to) + ">").constData());
    const QByteArray user = settings.user.toUtf8();
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readChunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(settings.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    // STARTTLS when the server offers it; an smtps:// server is TLS from the start.
    curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_TRY));
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, settings.password.constData());
    }
    char problem[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, problem);
    const CURLcode code = curl_easy_perform(curl);
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (code == CURLE_OK)
        return {};
    const QString why = QString::fromUtf8(problem[0] ? problem : curl_easy_strerror(code));
    Error error = code == CURLE_LOGIN_DENIED
        ? Error::auth(QStringLiteral("The mail server refused the sign-in: %1").arg(why),
                      QStringLiteral("smtp-auth"))
        : Error::transient(QStringLiteral("Mail to %1 was not sent: %2 (SMTP %3)")
                               .arg(message.to.join(QLatin1String(", ")), why)
                               .arg(reply),
                           QStringLiteral("smtp"));
    return error;
}

} // namespace Net
