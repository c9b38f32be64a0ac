// a port nothing listens at: bound, then closed again
def port = new ServerSocket(0).withCloseable { it.localPort }
def config = new File(basedir, '.mvn/maven.config')
config.parentFile.mkdirs()
config.text = "-Dclosed.url=http://localhost:${port}\n"
return true
