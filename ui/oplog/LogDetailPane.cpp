// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogDetailPane.h"

#include "CurlCommand.h"
#include "common/DateText.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Gui {

LogDetailPane::LogDetailPane(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_title(new QLabel(this))
    , m_jobs(new QLabel(this))
    , m_request(new QPlainTextEdit(this))
    , m_response(new QPlainTextEdit(this))
    , m_copyCurl(new QPushButton(tr("Copy as curl"), this))
{
    setObjectName(QStringLiteral("logDetail"));
    m_title->setObjectName(QStringLiteral("logDetailTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_jobs->setObjectName(QStringLiteral("logDetailJobs"));
    m_jobs->setWordWrap(true);
    m_jobs->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_jobs, &QLabel::linkActivated, this,
            [this](const QString &link) { Q_EMIT jobRequested(link.toLongLong()); });
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : { m_request, m_response }) {
        edit->setReadOnly(true);
        edit->setFont(mono);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_request->setObjectName(QStringLiteral("logRequest"));
    m_response->setObjectName(QStringLiteral("logResponse"));
    m_copyCurl->setObjectName(QStringLiteral("copyCurlButton"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_request, tr("Request"));
    tabs->addTab(m_response, tr("Response"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_jobs);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_copyCurl, 0, Qt::AlignRight);
    connect(m_copyCurl, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_curl); });
    showEntry(0);
}

void LogDetailPane::showEntry(qint64 id)
{
    m_curl.clear();
    m_request->clear();
    m_response->clear();
    m_copyCurl->setEnabled(false);
    m_jobIds.clear();
    m_jobs->clear();
    m_jobs->hide();
    if (id == 0) {
        m_title->setText(tr("Select a call to see its request and response."));
        return;
    }
    auto entry = Store::OpLogRepo(m_db).get(id);
    if (!entry) {
        m_title->setText(entry.error().message);
        return;
    }
    const QString status = entry->status ? QString::number(entry->status) : tr("no answer");
    m_title->setText(tr("%1 %2\n%3 · %4 · %5 ms")
                         .arg(entry->method, entry->url, DateText::atSeconds(entry->atMs), status)
                         .arg(entry->durationMs));
    QString request = entry->requestHeaders;
    if (!entry->requestBody.isEmpty())
        request += QStringLiteral("\n\n") + prettyBody(entry->requestBody);
    m_request->setPlainText(request);
    QString response = prettyBody(entry->responseBody);
    if (!entry->error.isEmpty())
        response = entry->error + QStringLiteral("\n\n") + response;
    m_response->setPlainText(response);
    m_jobIds = entry->jobIds;
    if (!m_jobIds.isEmpty()) {
        QStringList links;
        for (qint64 job : std::as_const(m_jobIds))
            links << QStringLiteral("<a href=\"%1\">%1</a>").arg(job);
        m_jobs->setText(
            tr("Carried %n job(s): %1", nullptr, int(m_jobIds.size())).arg(links.join(QStringLiteral(", "))));
        m_jobs->setToolTip(tr("Click a job to see it in the Queue"));
        m_jobs->show();
    }
    m_curl = curlCommand(entry.value());
    m_copyCurl->setEnabled(true);
}

} // namespace Gui
