// SPDX-License-Identifier: GPL-3.0-or-later
#include "NginxPages.h"

namespace Sandbox {

HttpResponse nginxPage(int status)
{
    const QByteArray title = QByteArray::number(status) + ' ' + reasonPhrase(status);
    const QByteArray body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>"
        + title + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    return HttpResponse::text(status, body, "text/html");
}

} // namespace Sandbox
